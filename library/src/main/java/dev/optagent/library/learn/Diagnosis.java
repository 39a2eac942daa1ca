package dev.optagent.library.learn;

import java.util.List;

/**
 * What the diagnosis call found for one failed task.
 *
 * @param corrected a formulation the model wrote towards the gold value when no sample was right (JSON text), or null
 */
public record Diagnosis(String rootCause, List<Proposal> proposals, String corrected) {

    public Diagnosis {
        proposals = List.copyOf(proposals);
    }
}

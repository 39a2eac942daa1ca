package dev.optagent.workflow.optoprime;

import java.util.List;

/**
 * One earlier candidate, as the optimizer's memory shows it (OPRO-style history of values and scores).
 *
 * @param changes the changed parameters with their new value ({@code repair.rounds = 4}; texts as "(rewritten)")
 * @param score   its validation score in words
 */
public record MemoryEntry(int step, List<String> changes, String score, boolean accepted) {

    public MemoryEntry {
        changes = List.copyOf(changes);
    }

    public String describe() {
        return "step " + step + ": " + (changes.isEmpty() ? "no change" : String.join("; ", changes)) + " → " + score
                + (accepted ? " (accepted)" : " (rejected)");
    }
}

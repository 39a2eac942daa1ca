package dev.optagent.workflow.train;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What one trainer step did, as the checkpoint and the report keep it.
 *
 * @param kind        {@code optoprime} (the LLM optimizer read the batch) or {@code knobs} (the knob search proposed)
 * @param batch       the training problems run with the current workflow
 * @param suggestion  the optimizer's raw suggestion, before validation
 * @param refused     suggested changes refused by the constraints, with why
 * @param changes     the validated change as a diff of prompt text and knobs
 * @param validation  the candidate's validation score (null when there was no valid change to score)
 * @param accepted    true when the candidate became the current workflow; false means it was rolled back
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StepRecord(int step, String kind, List<String> batch, ValidationScore batchScore, String reasoning, String answer,
                         Map<String, Object> suggestion, List<String> refused, Map<String, Object> applied, List<String> changes,
                         String candidate, ValidationScore validation, boolean accepted, int optimizerCalls, long optimizerTokens,
                         int promptTokens, Integer promptDetail, int runsLeftOut) {

    public StepRecord {
        batch = batch == null ? List.of() : List.copyOf(batch);
        suggestion = suggestion == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(suggestion));
        applied = applied == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(applied));
        refused = refused == null ? List.of() : List.copyOf(refused);
        changes = changes == null ? List.of() : List.copyOf(changes);
    }
}

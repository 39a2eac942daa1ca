package dev.optagent.workflow.train;

import java.util.List;
import java.util.Map;

/**
 * A validated change proposed for one step, with what it took to propose it.
 *
 * @param raw      the suggestion as proposed, before validation
 * @param applied  the validated changes (empty: nothing to score)
 * @param detail   the OptoPrime prompt's summary level (null for knob proposals)
 */
record Proposal(String kind, List<String> batch, ValidationScore batchScore, String reasoning, String answer, Map<String, Object> raw,
                List<String> refused, Map<String, Object> applied, int optimizerCalls, long optimizerTokens, int promptTokens,
                Integer detail, int runsLeftOut) {

    StepRecord record(int step, List<String> changes, String candidate, ValidationScore validation, boolean accepted) {
        return new StepRecord(step, kind, batch, batchScore, reasoning, answer, raw, refused, applied, changes, candidate, validation,
                accepted, optimizerCalls, optimizerTokens, promptTokens, detail, runsLeftOut);
    }
}

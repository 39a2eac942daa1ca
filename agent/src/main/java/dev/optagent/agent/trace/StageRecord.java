package dev.optagent.agent.trace;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Map;

/**
 * What one stage did: its inputs, the exact messages sent, the reply, what was parsed from it, the
 * feedback it produced, and its cost. The unit a workflow optimiser reads and an experience library learns from.
 *
 * @param stage    "understand", "formulate", "check", "solve", "repair", "answer"
 * @param attempt  which self-consistency sample (0 without sampling)
 * @param round    repair round (0 for the first formulation)
 * @param prompt   prompt id ({@code formulate@1}), null for stages without an LLM call
 * @param parsed   what the stage produced (a formulation, a verdict, a solve summary), as JSON text
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record StageRecord(
        String stage,
        int attempt,
        int round,
        String prompt,
        Map<String, Object> knobs,
        List<Message> messages,
        String reply,
        String parsed,
        List<String> feedback,
        int inputTokens,
        int outputTokens,
        long latencyMillis,
        String error) {

    public StageRecord {
        knobs = knobs == null ? Map.of() : Map.copyOf(knobs);
        messages = messages == null ? List.of() : List.copyOf(messages);
        feedback = feedback == null ? List.of() : List.copyOf(feedback);
    }
}

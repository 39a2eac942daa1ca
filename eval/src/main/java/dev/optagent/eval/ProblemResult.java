package dev.optagent.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.agent.AgentStatus;

/**
 * One line of {@code results.jsonl}: the outcome for one problem, scored under every rule.
 *
 * @param trace file name of the problem's trace in the run's {@code traces/} directory (null if none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemResult(
        String id,
        String type,
        Boolean hasTable,
        AgentStatus status,
        Double predicted,
        Double gold,
        boolean correctStrict,
        boolean correctLenient,
        FailureCategory failure,
        int repairRounds,
        int llmCalls,
        long inputTokens,
        long outputTokens,
        long wallMillis,
        String message,
        String trace) {
}

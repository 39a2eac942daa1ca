package dev.optagent.eval;

import dev.optagent.datasets.Problem;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.agent.AgentStatus;

import java.util.Map;

/**
 * One line of {@code results.jsonl}: the outcome for one problem, scored under every rule.
 *
 * @param benchmark        the benchmark the problem comes from ({@code nl4opt}, {@code optibench}, ...)
 * @param correctOptiBench the OptiBench rule (objective and every gold variable value within 1e-4); null
 *                         where the dataset has no gold variable values, so the rule does not apply
 * @param confidence       share of self-consistency samples agreeing with the answer (1 without sampling)
 * @param assumptions      how many assumptions the answering formulation states (null without a formulation)
 * @param values           the solution's variable values (small models only), kept so runs can be re-scored
 * @param scenarios        for an answer with scenarios: each scenario's objective (null when it has none), by name;
 *                          {@code predicted} is the scenario the record names, else the base model's
 * @param trace            file name of the problem's trace in the run's {@code traces/} directory (null if none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemResult(
        String id,
        String benchmark,
        String type,
        Boolean hasTable,
        AgentStatus status,
        Double predicted,
        Double gold,
        boolean correctStrict,
        boolean correctLenient,
        Boolean correctOptiBench,
        FailureCategory failure,
        int repairRounds,
        int llmCalls,
        long inputTokens,
        long outputTokens,
        long wallMillis,
        String message,
        Double confidence,
        Integer assumptions,
        Map<String, Double> values,
        String trace,
        Map<String, Double> scenarios) {

    public ProblemResult(String id, String benchmark, String type, Boolean hasTable, AgentStatus status, Double predicted, Double gold,
                         boolean correctStrict, boolean correctLenient, Boolean correctOptiBench, FailureCategory failure,
                         int repairRounds, int llmCalls, long inputTokens, long outputTokens, long wallMillis, String message,
                         Double confidence, Integer assumptions, Map<String, Double> values, String trace) {
        this(id, benchmark, type, hasTable, status, predicted, gold, correctStrict, correctLenient, correctOptiBench, failure,
                repairRounds, llmCalls, inputTokens, outputTokens, wallMillis, message, confidence, assumptions, values, trace, null);
    }

    /**
     * The model never answered (the provider failed or the problem ran out of time): no verdict on the agent,
     * so the summary counts it apart and a resumed run asks again.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean awaitingAnswer() {
        return failure == FailureCategory.PROVIDER_ERROR || failure == FailureCategory.TIMEOUT;
    }

    /** A problem that produced no agent result at all (timeout, crash): wrong under every rule. */
    static ProblemResult unanswered(Problem problem, FailureCategory failure, long wallMillis, String message) {
        return new ProblemResult(problem.id(), problem.benchmark(), problem.type(), problem.hasTable(), null, null,
                problem.answer(), false, false, problem.variables().isEmpty() ? null : false, failure, 0, 0, 0, 0,
                wallMillis, message, null, null, null, null);
    }
}

package dev.optagent.agent;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optagent.agent.trace.StageRecord;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.analysis.Verification;
import dev.optagent.solvers.Diagnosis;
import dev.optagent.solvers.Solution;

import java.util.List;

/**
 * The outcome of one agent run.
 *
 * @param objective   the verified objective value (null without an answer)
 * @param decisions   nonzero decisions in the problem's words
 * @param formulation the formulation the answer comes from (also for INFEASIBLE / UNBOUNDED conclusions)
 * @param confidence  share of self-consistency samples that agree with the answer (1.0 without sampling)
 * @param answer      a short text answer for people
 * @param message     why there is no answer, when there is none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "objective", "answer", "confidence", "decisions", "message", "formulation", "solution",
        "verification", "diagnosis", "cost", "trace"})
public record AgentResult(
        AgentStatus status,
        Double objective,
        String answer,
        double confidence,
        List<Decision> decisions,
        String message,
        Formulation formulation,
        Solution solution,
        Verification verification,
        Diagnosis diagnosis,
        Cost cost,
        List<StageRecord> trace) {

    public AgentResult {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
        trace = trace == null ? List.of() : List.copyOf(trace);
    }

    public boolean hasAnswer() {
        return status == AgentStatus.OPTIMAL || status == AgentStatus.FEASIBLE;
    }
}

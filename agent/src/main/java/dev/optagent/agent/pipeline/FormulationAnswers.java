package dev.optagent.agent.pipeline;

import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.Cost;
import dev.optagent.agent.Decision;
import dev.optagent.formulation.Formulation;
import dev.optagent.solvers.Solution;

import java.util.List;
import java.util.Map;

/**
 * An answer from a formulation someone already has (a user's edit in the workbench, an oracle file in an
 * evaluation): the answer stage without any model call, in the same shape the agent returns.
 */
public final class FormulationAnswers {

    private FormulationAnswers() {
    }

    public static AgentResult of(Formulation formulation, Solution solution, long wallMillis) {
        AgentStatus status = switch (solution.status()) {
            case OPTIMAL -> AgentStatus.OPTIMAL;
            case FEASIBLE -> AgentStatus.FEASIBLE;
            case INFEASIBLE -> AgentStatus.INFEASIBLE;
            case UNBOUNDED -> AgentStatus.UNBOUNDED;
            case TIME_LIMIT, ERROR -> AgentStatus.SOLVER_ERROR;
        };
        boolean answered = status == AgentStatus.OPTIMAL || status == AgentStatus.FEASIBLE;
        List<Decision> decisions = answered ? AnswerWriter.decisions(formulation, solution) : List.of();
        String message = answered ? null : solution.message();
        String answer = AnswerWriter.text(status, formulation, solution, decisions, message);
        return new AgentResult(status, answered ? solution.objective() : null, answer, answered ? 1 : 0, decisions, message,
                formulation, solution, solution.verification(), solution.diagnosis(),
                new Cost(0, 0, 0, wallMillis, Map.of("solve", wallMillis)), List.of());
    }
}

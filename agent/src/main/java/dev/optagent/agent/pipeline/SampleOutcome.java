package dev.optagent.agent.pipeline;

import dev.optagent.agent.AgentStatus;
import dev.optagent.formulation.Formulation;
import dev.optagent.solvers.Solution;

/** Where one sample (formulate, check, solve, repair rounds) ended. */
record SampleOutcome(int attempt, AgentStatus status, Formulation formulation, Solution solution, String message) {

    boolean hasAnswer() {
        return status == AgentStatus.OPTIMAL || status == AgentStatus.FEASIBLE;
    }
}

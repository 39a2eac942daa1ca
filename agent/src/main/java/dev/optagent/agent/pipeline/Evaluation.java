package dev.optagent.agent.pipeline;

import dev.optagent.agent.check.Finding;
import dev.optagent.formulation.Formulation;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveStatus;

import java.util.List;

/**
 * What the deterministic checks made of one model reply.
 *
 * @param json        the formulation JSON as extracted (null when none was found)
 * @param formulation null when the reply held no valid formulation
 * @param solution    null when it was not solved
 * @param findings    blocking problems and suspicions, in the order found
 */
record Evaluation(String json, Formulation formulation, Solution solution, List<Finding> findings) {

    boolean answered() {
        return solution != null && solution.status().hasSolution();
    }

    boolean provedNoOptimum() {
        return solution != null && (solution.status() == SolveStatus.INFEASIBLE || solution.status() == SolveStatus.UNBOUNDED);
    }

    /** A check the workflow treats as an error found something in a solved model: the answer is not accepted. */
    boolean blockedByChecks() {
        return answered() && findings.stream().anyMatch(Finding::blocking);
    }

    boolean hasSuspicions() {
        return findings.stream().anyMatch(f -> !f.blocking());
    }

    /** Every decision (and the objective) is zero: often a sign of a reversed constraint or a missing requirement. */
    boolean allZero() {
        if (!answered()) return false;
        boolean zeroObjective = solution.objective() == null || Math.abs(solution.objective()) < 1e-9;
        return zeroObjective && solution.variables().values().stream().allMatch(v -> Math.abs(v) < 1e-9);
    }
}

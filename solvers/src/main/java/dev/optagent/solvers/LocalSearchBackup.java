package dev.optagent.solvers;

import dev.optagent.formulation.analysis.Classification;
import dev.optagent.formulation.analysis.ProblemClass;
import dev.optagent.formulation.analysis.SolutionCheck;
import dev.optagent.formulation.analysis.Verification;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.nlp.NlpEngine;

import java.time.Duration;

/**
 * A continuous polynomial model goes to SCIP for a global proof, but spatial branch-and-bound on unbounded
 * nonconvex terms can end at its time limit with a poor incumbent (or none) where a local search finds the
 * optimum at once. When SCIP did not prove optimality, the local NLP engine runs too and the better verified
 * point wins; it is then reported as a local optimum, never as a global one.
 */
final class LocalSearchBackup {

    private static final Duration BUDGET = Duration.ofSeconds(15);

    private LocalSearchBackup() {
    }

    static boolean applies(Classification classification, Backend backend, BackendResult result) {
        return classification.problemClass() == ProblemClass.NLP && backend == Backend.SCIP
                && result.status() != SolveStatus.OPTIMAL && result.status() != SolveStatus.INFEASIBLE
                && result.status() != SolveStatus.UNBOUNDED;
    }

    static BackendResult better(GroundModel model, SolveOptions options, BackendResult global) {
        Duration limit = options.timeLimit().compareTo(BUDGET) < 0 ? options.timeLimit() : BUDGET;
        BackendResult local;
        try {
            local = new NlpEngine().solve(model, options.withTimeLimit(limit));
        } catch (UnsupportedModelException e) {
            return global;
        }
        if (local.values() == null || !local.status().hasSolution()) return global;
        Verification localCheck = SolutionCheck.verify(model, local.values(), options.tolerance());
        if (!localCheck.passed()) return global;
        if (global.values() != null && global.status().hasSolution()) {
            Verification globalCheck = SolutionCheck.verify(model, global.values(), options.tolerance());
            double sign = model.sense() == dev.optagent.formulation.Sense.MAXIMIZE ? -1 : 1;
            if (globalCheck.passed() && sign * globalCheck.objective() <= sign * localCheck.objective()) return global;
        }
        String why = "SCIP ended " + global.status() + (global.message() == null ? "" : " (" + global.message() + ")")
                + "; a local search found a better verified point";
        return new BackendResult(local.status(), local.values(), local.backend(), local.version(), why,
                local.duals(), local.reducedCosts(), true);
    }
}

package dev.optagent.solvers;

import dev.optagent.formulation.VariableType;
import dev.optagent.formulation.analysis.Classification;
import dev.optagent.formulation.analysis.Classifier;
import dev.optagent.formulation.analysis.ProblemClass;
import dev.optagent.formulation.analysis.Verification;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A MILP engine accepts a row within a feasibility tolerance scaled by its coefficients, so with a big-M of
 * 100000 two jobs may overlap by 1e-5 and the makespan come out as 5.99999 — an answer the verifier rightly
 * refuses. Fixing every integer variable at its rounded value and re-solving the continuous rest (an LP or a
 * QP, where the big-M rows have become plain ones) removes that slack: the polished point verifies exactly, or
 * the original refusal stands. Also tried for an answer that passed only within tolerance (7.99998 where the
 * integer point is 8): the polished point replaces it when it is exacter and its objective differs by tolerance only.
 */
final class IntegerPolish {

    private static final Duration BUDGET = Duration.ofSeconds(10);

    private IntegerPolish() {
    }

    /** Objectives this close are the same answer up to the engines' tolerances. */
    private static final double SAME_OBJECTIVE = 1e-4;

    /** Whether a polished point that passed should replace an engine point that passed too. */
    static boolean cleaner(Verification polished, Verification original) {
        if (polished.maxViolation() > original.maxViolation() || polished.maxIntegrality() > original.maxIntegrality()) return false;
        if (polished.objective() == null || original.objective() == null) return true;
        double scale = Math.max(1, Math.abs(original.objective()));
        return Math.abs(polished.objective() - original.objective()) <= SAME_OBJECTIVE * scale;
    }

    /** The polished result, or null when the integer choices admit no exact continuous completion. */
    static BackendResult polish(GroundModel model, BackendResult result, SolveOptions options) {
        if (result.values() == null || model.variables().stream().noneMatch(VariableInstance::isDiscrete)) return null;
        List<VariableInstance> fixed = new ArrayList<>(model.variableCount());
        for (VariableInstance variable : model.variables()) {
            if (!variable.isDiscrete()) {
                fixed.add(variable);
                continue;
            }
            double value = Math.rint(result.values()[variable.index()]);
            if (value < variable.lower() || value > variable.upper()) return null;
            fixed.add(new VariableInstance(variable.index(), variable.block(), variable.key(), VariableType.CONTINUOUS, value, value));
        }
        GroundModel continuous = model.withVariables(fixed);
        Classification classification = Classifier.classify(continuous);
        if (classification.problemClass() != ProblemClass.LP && classification.problemClass() != ProblemClass.QP) return null;
        Duration limit = options.timeLimit().compareTo(BUDGET) < 0 ? options.timeLimit() : BUDGET;
        BackendResult completion;
        try {
            completion = ModelSolver.engine(Routing.choose(classification, Backend.AUTO)).solve(continuous, options.withTimeLimit(limit));
        } catch (UnsupportedModelException e) {
            return null;
        }
        if (completion.status() != SolveStatus.OPTIMAL || completion.values() == null) return null;
        String note = (result.message() == null || result.message().isBlank() ? "" : result.message() + "; ")
                + "integer choices kept, the continuous part re-solved exactly by " + completion.backend()
                + " (the engine's own point was only within its tolerance)";
        return new BackendResult(result.status(), completion.values(), result.backend(), result.version(), note,
                result.duals(), result.reducedCosts(), result.localOnly());
    }
}

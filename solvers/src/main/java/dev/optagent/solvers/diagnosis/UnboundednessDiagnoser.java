package dev.optagent.solvers.diagnosis;

import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.Diagnosis;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolverEngine;
import dev.optagent.solvers.UnsupportedModelException;

import java.util.ArrayList;
import java.util.List;

/**
 * Names the variables that run away in an unbounded model: every missing bound is replaced by a large
 * artificial box, the boxed model is solved, and the variables that end on the artificial box are the
 * ones the objective drives without limit.
 */
public final class UnboundednessDiagnoser {

    private static final double BOX = 1e7;

    /** Either a diagnosis, or the finding that the boxed model is infeasible (so the original is too). */
    public record Outcome(Diagnosis diagnosis, boolean actuallyInfeasible) { }

    private final SolverEngine engine;
    private final SolveOptions options;

    public UnboundednessDiagnoser(SolverEngine engine, SolveOptions options) {
        this.engine = engine;
        this.options = options;
    }

    public Outcome diagnose(GroundModel model) {
        List<VariableInstance> boxed = new ArrayList<>();
        for (VariableInstance v : model.variables()) {
            boxed.add(new VariableInstance(v.index(), v.block(), v.key(), v.type(),
                    Double.isInfinite(v.lower()) ? -BOX : v.lower(), Double.isInfinite(v.upper()) ? BOX : v.upper()));
        }
        BackendResult result;
        try {
            result = engine.solve(model.withVariables(boxed), options);
        } catch (UnsupportedModelException e) {
            return new Outcome(new Diagnosis(List.of(), List.of(), List.of(), List.of(), "The model is unbounded: " + e.getMessage()), false);
        }
        if (result.status() == dev.optagent.solvers.SolveStatus.INFEASIBLE) return new Outcome(null, true);
        List<String> runaway = new ArrayList<>();
        List<String> described = new ArrayList<>();
        if (result.values() != null) {
            for (VariableInstance v : model.variables()) {
                double value = result.values()[v.index()];
                boolean atArtificialUpper = Double.isInfinite(v.upper()) && value >= BOX * 0.999;
                boolean atArtificialLower = Double.isInfinite(v.lower()) && value <= -BOX * 0.999;
                if (atArtificialUpper || atArtificialLower) {
                    runaway.add(v.label());
                    described.add(v.label() + (atArtificialUpper ? " (towards +infinity)" : " (towards -infinity)"));
                }
            }
        }
        String explanation = runaway.isEmpty()
                ? "The model is unbounded: the objective improves without limit, but no single variable could be singled out."
                + " Look for a missing constraint or a wrong objective direction."
                : "The model is unbounded: the objective improves without limit as " + String.join(", ", described.size() > 10 ? described.subList(0, 10) : described)
                + (described.size() > 10 ? ", ..." : "") + (runaway.size() == 1 ? " runs" : " run")
                + " away. Add the missing constraint or bound that limits " + (runaway.size() == 1 ? "it" : "them")
                + ", or check the objective direction (minimize vs maximize).";
        return new Outcome(new Diagnosis(List.of(), List.of(), List.of(), runaway, explanation), false);
    }
}

package dev.optagent.solvers.diagnosis;

import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.Diagnosis;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolverEngine;
import dev.optagent.solvers.UnsupportedModelException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds an irreducible infeasible subset of constraint instances with a deletion filter: drop a piece;
 * if the rest is still infeasible the piece is not needed, else it stays. Families (declared constraint
 * names) are filtered first, which is cheap and usually removes most instances, then single instances.
 * Variable bounds are always kept, so the conflict reads "these constraints, given the bounds".
 */
public final class InfeasibilityDiagnoser {

    /** Beyond this many instances the instance-level pass is skipped and families are reported. */
    private static final int MAX_INSTANCE_FILTER = 400;

    private final SolverEngine engine;
    private final SolveOptions options;

    public InfeasibilityDiagnoser(SolverEngine engine, SolveOptions options) {
        this.engine = engine;
        this.options = options;
    }

    public Diagnosis diagnose(GroundModel model) {
        GroundModel feasibility = model.withoutObjective();
        if (infeasible(feasibility, List.of())) {
            return new Diagnosis(List.of(), List.of(), List.of(), List.of(),
                    "The variable bounds and integrality alone admit no solution; no constraint is needed for the conflict."
                            + " Check lower and upper bounds of the variables.");
        }
        List<String> families = new ArrayList<>(new LinkedHashSet<>(model.constraints().stream().map(GroundConstraint::family).toList()));
        for (int k = 0; k < families.size(); ) {
            List<String> without = new ArrayList<>(families);
            without.remove(k);
            if (infeasible(feasibility, keep(model, without))) families = without;
            else k++;
        }
        List<GroundConstraint> conflict = keep(model, families);
        boolean irreducible = conflict.size() <= MAX_INSTANCE_FILTER;
        if (irreducible) {
            for (int k = 0; k < conflict.size(); ) {
                List<GroundConstraint> without = new ArrayList<>(conflict);
                without.remove(k);
                if (infeasible(feasibility, without)) conflict = without;
                else k++;
            }
        }
        List<String> labels = conflict.stream().map(GroundConstraint::label).toList();
        Set<String> names = new LinkedHashSet<>(conflict.stream().map(GroundConstraint::family).toList());
        List<String> bounds = irreducible ? conflictingBounds(feasibility.withConstraints(conflict)) : List.of();
        String explanation = "The model is infeasible: " + (irreducible ? (labels.size() == 1 ? "this constraint instance cannot hold"
                : "these " + labels.size() + " constraint instances cannot all hold together") + (bounds.isEmpty() ? "" : " with the variable bounds "
                + String.join(", ", bounds)) + (labels.size() == 1 ? ": " : ", and dropping any one of them makes the rest feasible: ")
                + String.join(", ", labels.size() > 20 ? labels.subList(0, 20) : labels) + (labels.size() > 20 ? ", ..." : "")
                : "the constraint families " + String.join(", ", names) + " conflict")
                + ". Check the data and the direction (<=, >=) of " + String.join(", ", names)
                + (bounds.isEmpty() ? "" : " and those bounds")
                + "; if the problem really is over-constrained, the answer is that no plan satisfies all requirements.";
        return new Diagnosis(labels, List.copyOf(names), bounds, List.of(), explanation);
    }

    /**
     * The variable bounds the conflict needs: each finite bound of a variable in the conflicting rows is
     * relaxed in turn and stays relaxed when the rest is still infeasible (the same deletion filter).
     */
    private List<String> conflictingBounds(GroundModel conflict) {
        Set<Integer> involved = new java.util.TreeSet<>();
        conflict.constraints().forEach(c -> c.body().forEachVariable(involved::add));
        List<VariableInstance> relaxed = new ArrayList<>(conflict.variables());
        List<String> needed = new ArrayList<>();
        for (int index : involved) {
            if (needed.size() >= 20) break;
            for (boolean lower : new boolean[] {true, false}) {
                VariableInstance v = relaxed.get(index);
                double bound = lower ? v.lower() : v.upper();
                if (Double.isInfinite(bound)) continue;
                VariableInstance without = new VariableInstance(v.index(), v.block(), v.key(), v.type(),
                        lower ? Double.NEGATIVE_INFINITY : v.lower(), lower ? v.upper() : Double.POSITIVE_INFINITY);
                relaxed.set(index, without);
                if (!infeasible(conflict.withVariables(relaxed), conflict.constraints())) {
                    relaxed.set(index, v);
                    needed.add(v.label() + (lower ? " >= " : " <= ") + format(bound));
                }
            }
        }
        return needed;
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }

    private static List<GroundConstraint> keep(GroundModel model, List<String> families) {
        Set<String> kept = Set.copyOf(families);
        return model.constraints().stream().filter(c -> kept.contains(c.family())).toList();
    }

    private boolean infeasible(GroundModel feasibility, List<GroundConstraint> constraints) {
        try {
            return switch (engine.solve(feasibility.withConstraints(constraints), options).status()) {
                case INFEASIBLE -> true;
                default -> false; // feasible, or undecided within the limit: keep the piece (conservative)
            };
        } catch (UnsupportedModelException e) {
            return false;
        }
    }
}

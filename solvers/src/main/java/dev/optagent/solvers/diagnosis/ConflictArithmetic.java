package dev.optagent.solvers.diagnosis;

import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.render.ReadableNumber;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.SolverEngine;
import dev.optagent.solvers.UnsupportedModelException;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The numbers behind a conflict. One instance of the irreducible set is singled out (the one the elastic
 * relaxation moves, else the last); the others, with the variable bounds, are feasible on their own, so the
 * range of its left-hand side over them is computed (one LP or MILP each way) and set against its bound:
 * "the other constraints force nurses[mon] + nurses[tue] to at least 16, but staff allows at most 15".
 */
public final class ConflictArithmetic {

    private static final int MAX_TERMS = 6;

    private final Function<GroundModel, SolverEngine> engines;
    private final SolveOptions options;

    public ConflictArithmetic(Function<GroundModel, SolverEngine> engines, SolveOptions options) {
        this.engines = engines;
        this.options = options;
    }

    public Optional<String> explain(GroundModel model, List<String> conflict, Optional<Relaxation> relaxation) {
        Set<String> labels = Set.copyOf(conflict);
        List<GroundConstraint> rows = model.constraints().stream().filter(c -> labels.contains(c.label())).toList();
        if (rows.isEmpty() || rows.stream().anyMatch(c -> c.isIndicator() || !c.body().isAffine())) return Optional.empty();
        GroundConstraint target = target(rows, relaxation);
        List<GroundConstraint> others = rows.stream().filter(c -> c != target).toList();
        GroundModel rest = model.withConstraints(others);
        String expression = text(target, model);
        String given = others.isEmpty() ? "Within the variable bounds, "
                : "The other constraint" + (others.size() == 1 ? " " : "s ") + names(others) + (others.size() == 1 ? " forces " : " force ");
        if (Double.isFinite(target.upper())) {
            Double least = extreme(rest, Sense.MINIMIZE, target.body());
            if (least != null && least > target.upper() + tolerance(target.upper())) {
                return Optional.of(given + (others.isEmpty() ? expression + " is at least " : expression + " to at least ")
                        + ReadableNumber.of(least) + ", but " + target.label() + " allows at most " + ReadableNumber.of(target.upper())
                        + " (short by " + ReadableNumber.of(least - target.upper()) + ").");
            }
        }
        if (Double.isFinite(target.lower())) {
            Double most = extreme(rest, Sense.MAXIMIZE, target.body());
            if (most != null && most < target.lower() - tolerance(target.lower())) {
                return Optional.of(given + (others.isEmpty() ? expression + " is at most " : expression + " to at most ")
                        + ReadableNumber.of(most) + ", but " + target.label() + " needs at least " + ReadableNumber.of(target.lower())
                        + " (short by " + ReadableNumber.of(target.lower() - most) + ").");
            }
        }
        return Optional.empty();
    }

    /**
     * The instance whose left-hand side has the most terms (the aggregate: "the shifts need 16, 15 are employed"
     * reads better than "day and staff leave 7 for night"); among equals the one the relaxation moves, else the last.
     */
    private static GroundConstraint target(List<GroundConstraint> rows, Optional<Relaxation> relaxation) {
        Set<String> moved = relaxation.map(r -> r.changes().stream().map(Relaxation.Change::constraint).collect(java.util.stream.Collectors.toSet()))
                .orElse(Set.of());
        GroundConstraint best = rows.get(rows.size() - 1);
        for (GroundConstraint row : rows) {
            int terms = row.body().linearVariables().length;
            int bestTerms = best.body().linearVariables().length;
            if (terms > bestTerms || (terms == bestTerms && moved.contains(row.label()) && !moved.contains(best.label()))) best = row;
        }
        return best;
    }

    private Double extreme(GroundModel rest, Sense sense, GroundExpr body) {
        GroundModel probe = rest.withObjective(sense, body);
        try {
            BackendResult result = engines.apply(probe).solve(probe, options);
            return result.status() == SolveStatus.OPTIMAL && result.values() != null ? body.evaluate(result.values()) : null;
        } catch (UnsupportedModelException e) {
            return null;
        }
    }

    private static double tolerance(double bound) {
        return 1e-6 * Math.max(1, Math.abs(bound));
    }

    private static String names(List<GroundConstraint> rows) {
        List<String> labels = rows.stream().map(GroundConstraint::label).toList();
        return labels.size() <= 4 ? String.join(", ", labels) : String.join(", ", labels.subList(0, 4)) + " and " + (labels.size() - 4) + " more";
    }

    /** {@code 2 x[a] + x[b] - 3}, or a count of terms when the sum is long. */
    static String text(GroundConstraint row, GroundModel model) {
        GroundExpr body = row.body();
        int[] vars = body.linearVariables();
        double[] coefs = body.linearCoefficients();
        if (vars.length > MAX_TERMS) return "the left-hand side of " + row.label() + " (" + vars.length + " terms)";
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < vars.length; k++) {
            double c = coefs[k];
            if (out.length() > 0) out.append(c < 0 ? " - " : " + ");
            else if (c < 0) out.append("-");
            if (Math.abs(c) != 1) out.append(ReadableNumber.of(Math.abs(c))).append(' ');
            out.append(model.variable(vars[k]).label());
        }
        if (body.constant() != 0) out.append(body.constant() < 0 ? " - " : " + ").append(ReadableNumber.of(Math.abs(body.constant())));
        return out.length() == 0 ? ReadableNumber.of(body.constant()) : out.toString();
    }
}

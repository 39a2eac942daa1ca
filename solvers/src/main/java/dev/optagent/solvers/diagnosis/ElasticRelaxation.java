package dev.optagent.solvers.diagnosis;

import dev.optagent.formulation.Sense;
import dev.optagent.formulation.VariableType;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.SolverEngine;
import dev.optagent.solvers.UnsupportedModelException;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Elastic relaxation of an infeasible model: each finite bound of each constraint instance gets a nonnegative
 * elastic column ({@code lower <= body + p}, {@code body - n <= upper}) and the sum of all of them is minimised,
 * integrality and variable bounds kept. The nonzero columns are the constraints to relax and by how much.
 * (The deletion filter finds which constraints conflict; this finds the cheapest way out.)
 */
public final class ElasticRelaxation {

    private static final double AMOUNT_TOLERANCE = 1e-7;

    private final Function<GroundModel, SolverEngine> engines;
    private final SolveOptions options;

    /** {@code engines} picks the engine for the elastic model (it may be of another class than the original). */
    public ElasticRelaxation(Function<GroundModel, SolverEngine> engines, SolveOptions options) {
        this.engines = engines;
        this.options = options;
    }

    /** Empty when the variable bounds and integrality alone are infeasible, or the engine cannot decide. */
    public Optional<Relaxation> relax(GroundModel model) {
        List<VariableInstance> variables = new ArrayList<>(model.variables());
        List<GroundConstraint> rows = new ArrayList<>();
        List<Elastic> elastics = new ArrayList<>();
        GroundExpr.Builder total = new GroundExpr.Builder();
        for (GroundConstraint c : model.constraints()) {
            GroundExpr body = c.body();
            if (Double.isFinite(c.lower())) {
                int p = add(variables, elastics, c, "lower", total);
                body = body.plus(GroundExpr.variable(p));
            }
            if (Double.isFinite(c.upper())) {
                int n = add(variables, elastics, c, "upper", total);
                body = body.minus(GroundExpr.variable(n));
            }
            rows.add(new GroundConstraint(c.family(), c.label(), body, c.lower(), c.upper(), c.indicatorVariable(), c.indicatorValue()));
        }
        GroundModel elastic = model.withVariables(variables).withConstraints(rows).withObjective(Sense.MINIMIZE, total.build());
        BackendResult result;
        try {
            result = engines.apply(elastic).solve(elastic, options);
        } catch (UnsupportedModelException e) {
            return Optional.empty();
        }
        if (result.status() != SolveStatus.OPTIMAL || result.values() == null) return Optional.empty();
        List<Relaxation.Change> changes = new ArrayList<>();
        double sum = 0;
        for (Elastic e : elastics) {
            double amount = result.values()[e.column()];
            if (amount <= AMOUNT_TOLERANCE) continue;
            sum += amount;
            double from = "lower".equals(e.bound()) ? e.constraint().lower() : e.constraint().upper();
            double to = "lower".equals(e.bound()) ? from - amount : from + amount;
            changes.add(new Relaxation.Change(e.constraint().label(), e.constraint().family(), e.bound(), amount, from, to));
        }
        changes.sort(Comparator.comparingDouble(c -> -c.amount()));
        return Optional.of(new Relaxation(sum, changes, explanation(changes, sum)));
    }

    private static int add(List<VariableInstance> variables, List<Elastic> elastics, GroundConstraint c, String bound, GroundExpr.Builder total) {
        int column = variables.size();
        variables.add(new VariableInstance(column, "elastic_" + bound + "#" + c.label(), List.of(), VariableType.CONTINUOUS, 0, Double.POSITIVE_INFINITY));
        elastics.add(new Elastic(c, bound, column));
        total.add(GroundExpr.variable(column), 1);
        return column;
    }

    private static String explanation(List<Relaxation.Change> changes, double total) {
        if (changes.isEmpty()) return "No constraint needs to be relaxed.";
        List<String> words = changes.stream().limit(10).map(Relaxation.Change::words).toList();
        return "The smallest change that makes the model feasible (total " + dev.optagent.formulation.render.ReadableNumber.of(total)
                + "): " + String.join("; ", words) + (changes.size() > 10 ? "; and " + (changes.size() - 10) + " more" : "") + ".";
    }

    private record Elastic(GroundConstraint constraint, String bound, int column) { }
}

package dev.optagent.solvers.proof;

import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Interval bound propagation over the linear rows of a ground model, optionally with an objective cutoff
 * ({@code objective <= cutoff} when minimizing). Agents write start times without upper bounds and big-M
 * rows with M = 1000; with the cutoff of an incumbent (makespan <= 69) every start time gets a finite upper
 * bound, so the engine's presolve can shrink M to what the bounds allow and a finite-domain engine can take
 * the model. Every solution at least as good as the cutoff satisfies the tightened bounds, so the optimum
 * of the tightened model is the optimum of the original one.
 */
public final class BoundPropagation {

    private static final int MAX_PASSES = 100;
    /** Bounds are only moved by more than this (relative), so propagation terminates on slow convergence. */
    private static final double PROGRESS = 1e-7;
    private static final double INTEGRALITY = 1e-6;

    private final GroundModel model;
    private final double[] lower;
    private final double[] upper;
    private final boolean[] integer;

    private BoundPropagation(GroundModel model) {
        this.model = model;
        int n = model.variableCount();
        lower = new double[n];
        upper = new double[n];
        integer = new boolean[n];
        for (VariableInstance v : model.variables()) {
            lower[v.index()] = v.lower();
            upper[v.index()] = v.upper();
            integer[v.index()] = v.isDiscrete();
        }
    }

    /**
     * The model with tightened variable bounds; empty when the rows and the cutoff admit no solution.
     *
     * @param cutoff the value no optimal solution is worse than (an incumbent's objective), or NaN for none
     */
    public static Optional<GroundModel> tighten(GroundModel model, double cutoff) {
        BoundPropagation propagation = new BoundPropagation(model);
        List<Row> rows = new ArrayList<>();
        for (GroundConstraint c : model.constraints()) {
            if (!c.isIndicator() && c.body().isAffine()) rows.add(new Row(c.body(), c.lower(), c.upper()));
        }
        if (model.objective() != null && model.objective().isAffine() && Double.isFinite(cutoff)) {
            double slack = 1e-6 * Math.max(1, Math.abs(cutoff));
            rows.add(model.sense() == Sense.MAXIMIZE
                    ? new Row(model.objective(), cutoff - slack, Double.POSITIVE_INFINITY)
                    : new Row(model.objective(), Double.NEGATIVE_INFINITY, cutoff + slack));
        }
        if (!propagation.run(rows)) return Optional.empty();
        List<VariableInstance> tightened = new ArrayList<>(model.variableCount());
        for (VariableInstance v : model.variables()) {
            tightened.add(new VariableInstance(v.index(), v.block(), v.key(), v.type(), propagation.lower[v.index()], propagation.upper[v.index()]));
        }
        return Optional.of(model.withVariables(tightened));
    }

    private record Row(GroundExpr body, double lower, double upper) { }

    /** False when some variable's bounds cross. */
    private boolean run(List<Row> rows) {
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            boolean changed = false;
            for (Row row : rows) {
                Boolean outcome = propagate(row);
                if (outcome == null) return false;
                changed |= outcome;
            }
            if (!changed) break;
        }
        return true;
    }

    /** True when a bound moved, false when none did, null when the row cannot hold. */
    private Boolean propagate(Row row) {
        int[] vs = row.body().linearVariables();
        double[] cs = row.body().linearCoefficients();
        double lo = row.lower() - row.body().constant();
        double hi = row.upper() - row.body().constant();
        // activity range with the count of infinite contributions, so one unbounded term can still be bounded
        double minSum = 0, maxSum = 0;
        int minInf = 0, maxInf = 0;
        for (int k = 0; k < vs.length; k++) {
            double a = cs[k];
            double low = a > 0 ? a * lower[vs[k]] : a * upper[vs[k]];
            double high = a > 0 ? a * upper[vs[k]] : a * lower[vs[k]];
            if (Double.isInfinite(low)) minInf++; else minSum += low;
            if (Double.isInfinite(high)) maxInf++; else maxSum += high;
        }
        double tolerance = 1e-9 * Math.max(1, Math.max(Math.abs(minSum), Math.abs(maxSum)));
        if (minInf == 0 && minSum > hi + Math.max(tolerance, 1e-6 * Math.max(1, Math.abs(hi)))) return null;
        if (maxInf == 0 && maxSum < lo - Math.max(tolerance, 1e-6 * Math.max(1, Math.abs(lo)))) return null;
        boolean changed = false;
        for (int k = 0; k < vs.length; k++) {
            int v = vs[k];
            double a = cs[k];
            double low = a > 0 ? a * lower[v] : a * upper[v];
            double high = a > 0 ? a * upper[v] : a * lower[v];
            // a*x <= hi - (min activity of the others); a*x >= lo - (max activity of the others)
            double othersMin = residual(minSum, minInf, low);
            double othersMax = residual(maxSum, maxInf, high);
            double capOfTerm = Double.isFinite(hi) ? hi - othersMin : Double.POSITIVE_INFINITY;
            double floorOfTerm = Double.isFinite(lo) ? lo - othersMax : Double.NEGATIVE_INFINITY;
            double newUpper = a > 0 ? capOfTerm / a : floorOfTerm / a;
            double newLower = a > 0 ? floorOfTerm / a : capOfTerm / a;
            if (Double.isNaN(newUpper)) newUpper = Double.POSITIVE_INFINITY;
            if (Double.isNaN(newLower)) newLower = Double.NEGATIVE_INFINITY;
            if (integer[v]) {
                newUpper = Math.floor(newUpper + INTEGRALITY);
                newLower = Math.ceil(newLower - INTEGRALITY);
            }
            boolean moved = false;
            if (newUpper < upper[v] - PROGRESS * Math.max(1, Math.abs(newUpper))) {
                upper[v] = newUpper;
                moved = true;
            }
            if (newLower > lower[v] + PROGRESS * Math.max(1, Math.abs(newLower))) {
                lower[v] = newLower;
                moved = true;
            }
            if (lower[v] > upper[v]) {
                if (lower[v] - upper[v] > 1e-6 * Math.max(1, Math.abs(upper[v]))) return null;
                lower[v] = upper[v] = integer[v] ? Math.rint(upper[v]) : upper[v];
            }
            if (moved) {
                changed = true;
                // refresh the activity sums for the next variable of this row
                double lowNow = a > 0 ? a * lower[v] : a * upper[v];
                double highNow = a > 0 ? a * upper[v] : a * lower[v];
                if (Double.isInfinite(low) && !Double.isInfinite(lowNow)) { minInf--; minSum += lowNow; }
                else if (!Double.isInfinite(low)) minSum += lowNow - low;
                if (Double.isInfinite(high) && !Double.isInfinite(highNow)) { maxInf--; maxSum += highNow; }
                else if (!Double.isInfinite(high)) maxSum += highNow - high;
            }
        }
        return changed;
    }

    /** The activity of the other terms: the sum without this term, infinite when another term is. */
    private static double residual(double sum, int infinities, double term) {
        if (Double.isInfinite(term)) return infinities == 1 ? sum : Double.NaN;
        if (infinities > 0) return Double.NaN;
        return sum - term;
    }
}

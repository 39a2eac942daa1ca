package dev.optagent.solvers.analysis;

import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.mp.MpEngine;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * Ranging of a linear program by parametric re-solves, since the OR-Tools engines report neither the optimal basis nor
 * ranges. The optimal value as a function of one right-hand side (or one cost) is piecewise linear; the range is the
 * piece holding the current value: where the shadow price still holds (for a cost: where the current plan stays
 * optimal). Each end is found by intersecting the tangent at the current value with the tangent at a probe beyond it
 * (exact once the two pieces are adjacent, which takes a few re-solves), with bisection where a probe is infeasible
 * or unbounded. Values within {@link #TOLERANCE} (relative) of the current piece's line count as on it.
 */
final class Ranging {

    /** Relative tolerance for "on the current piece" and for the end of a bisection. */
    static final double TOLERANCE = 1e-7;
    /** Ranging re-solves an LP a few times per row and column, so it is done for small LPs only. */
    static final int MAX_ROWS_AND_COLUMNS = 60;
    private static final int MAX_EXPANSIONS = 9;   // probes at 10^k times the scale: beyond 10^9 the side counts as unlimited
    private static final int MAX_STEPS = 80;

    private final GroundModel model;
    private final SolveOptions options;
    private final MpEngine engine = new MpEngine(Backend.GLOP);

    Ranging(GroundModel model, SolveOptions options) {
        this.model = model;
        this.options = options.withDiagnosis(false);
    }

    /** One re-solve: optimal or not, its objective value, and the slope of the value function there. */
    private record Probe(boolean optimal, double value, double slope) {
        static final Probe NONE = new Probe(false, Double.NaN, Double.NaN);
    }

    /**
     * The range of the bound that binds (both bounds, for an equality) over which {@code dual} stays its shadow price;
     * a null end is unlimited.
     */
    Sensitivity.Range rhs(GroundConstraint constraint, boolean upperBinds, boolean lowerBinds, double objective, double dual) {
        double bound = upperBinds ? constraint.upper() : constraint.lower();
        List<GroundConstraint> rows = model.constraints();
        int at = rows.indexOf(constraint);
        DoubleFunction<Probe> shifted = t -> {
            List<GroundConstraint> changed = new ArrayList<>(rows);
            changed.set(at, new GroundConstraint(constraint.family(), constraint.label(), constraint.body(),
                    lowerBinds ? constraint.lower() + t : constraint.lower(), upperBinds ? constraint.upper() + t : constraint.upper(),
                    constraint.indicatorVariable(), constraint.indicatorValue()));
            BackendResult r = engine.solve(model.withConstraints(changed), options);
            if (r.status() != SolveStatus.OPTIMAL) return Probe.NONE;
            Double d = r.duals().get(constraint.label());
            return d == null ? Probe.NONE : new Probe(true, model.objectiveValue(r.values()), d);
        };
        double scale = Math.max(1, Math.abs(bound));
        return range(bound, edge(shifted, objective, dual, -1, scale), edge(shifted, objective, dual, +1, scale));
    }

    /** The range of the objective coefficient of {@code variable} over which the current plan stays optimal. */
    Sensitivity.Range cost(VariableInstance variable, double objective, double value) {
        GroundExpr unit = GroundExpr.variable(variable.index());
        double[] at = new double[model.variableCount()];
        double base = model.objectiveValue(at);
        at[variable.index()] = 1;
        double coefficient = model.objectiveValue(at) - base;
        DoubleFunction<Probe> shifted = t -> {
            GroundModel changed = model.withObjective(model.sense(), model.objective().plus(unit.scale(t)));
            BackendResult r = engine.solve(changed, options);
            if (r.status() != SolveStatus.OPTIMAL) return Probe.NONE;
            return new Probe(true, changed.objectiveValue(r.values()), r.values()[variable.index()]);
        };
        double scale = Math.max(1, Math.abs(coefficient));
        return range(coefficient, edge(shifted, objective, value, -1, scale), edge(shifted, objective, value, +1, scale));
    }

    private static Sensitivity.Range range(double current, double down, double up) {
        return new Sensitivity.Range(clean(current), Double.isInfinite(down) ? null : clean(current - down), Double.isInfinite(up) ? null : clean(current + up));
    }

    /**
     * How far (u ≥ 0) the parameter can move in {@code direction} while the value function stays on the line
     * {@code z + slope·t} through the current optimum; infinite when it stays on it up to 10^9 times the scale.
     */
    private static double edge(DoubleFunction<Probe> at, double z, double slope, int direction, double scale) {
        DoubleFunction<Probe> along = u -> at.apply(direction * u);
        double lo = 0;
        double hi = scale;
        Probe high = along.apply(hi);
        int expansions = 0;
        while (high.optimal() && onLine(high.value(), z + slope * direction * hi, z)) {
            if (++expansions > MAX_EXPANSIONS) return Double.POSITIVE_INFINITY;
            lo = hi;
            hi *= 10;
            high = along.apply(hi);
        }
        for (int step = 0; step < MAX_STEPS && hi - lo > TOLERANCE * Math.max(1, lo); step++) {
            double next = (lo + hi) / 2;
            boolean tangent = false;
            if (high.optimal()) {
                double s0 = slope * direction;
                double sh = high.slope() * direction;
                if (Math.abs(s0 - sh) > 1e-12) {
                    double cross = (high.value() - sh * hi - z) / (s0 - sh);
                    if (cross >= lo && cross < hi) { // at lo: the probe's tangent meets the current piece where it is known to end
                        next = cross;
                        tangent = true;
                    }
                }
            }
            Probe probe = along.apply(next);
            if (probe.optimal() && onLine(probe.value(), z + slope * direction * next, z)) {
                // On both tangents: the breakpoint between the current piece and the probe's.
                if (tangent) return next;
                lo = next;
            } else {
                hi = next;
                high = probe;
            }
        }
        return lo;
    }

    private static boolean onLine(double value, double line, double z) {
        return Math.abs(value - line) <= TOLERANCE * Math.max(1, Math.max(Math.abs(value), Math.abs(z)));
    }

    private static double clean(double v) {
        double r = Math.rint(v);
        double snapped = Math.abs(v - r) < 1e-9 * Math.max(1, Math.abs(v)) ? r : v;
        return snapped == 0 ? 0.0 : snapped; // -0.0 would print as "-0"
    }
}

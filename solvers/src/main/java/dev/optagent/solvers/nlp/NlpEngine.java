package dev.optagent.solvers.nlp;

import de.xypron.jcobyla.Calcfc;
import de.xypron.jcobyla.Cobyla;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.solvers.SolverEngine;
import dev.optagent.solvers.UnsupportedModelException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Smooth NLP (exp, log, sqrt, division by variables) with COBYLA, a derivative-free local method, from
 * several starting points; the best feasible end point wins. Mixed-integer models of this kind are solved
 * by enumerating the integer assignments (when there are few) with the continuous part solved for each. Optimality is local: the
 * result says so ({@code optimality: "local"}). Pure Java, so nothing native to leak.
 */
public final class NlpEngine implements SolverEngine {

    private static final String NAME = "NLP";
    private static final String VERSION = "COBYLA multistart (jcobyla 1.4)";
    private static final double START_BOX = 10;

    /** Most integer assignments enumerated for a mixed-integer nonlinear model. */
    private static final long MAX_ASSIGNMENTS = 5_000;

    @Override
    public BackendResult solve(GroundModel model, SolveOptions options) {
        boolean[] used = model.usedVariables();
        List<Integer> continuous = new ArrayList<>();
        List<Integer> discrete = new ArrayList<>();
        for (int k = 0; k < used.length; k++) {
            if (!used[k]) continue;
            (model.variable(k).isDiscrete() ? discrete : continuous).add(k);
        }
        long assignments = assignments(model, discrete);
        double[] base = new double[model.variableCount()];
        for (VariableInstance v : model.variables()) base[v.index()] = clamp(0, v.lower(), v.upper());
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        SplittableRandom random = new SplittableRandom(options.seed());
        int starts = discrete.isEmpty() ? Math.max(1, options.nlpStarts()) : Math.max(2, options.nlpStarts() / 4);
        double[] best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        long[] odometer = new long[discrete.size()];
        for (long a = 0; a < assignments && System.nanoTime() < deadline; a++) {
            // Fix the integer variables to the next assignment (mixed radix over their domains).
            long rest = a;
            for (int k = 0; k < discrete.size(); k++) {
                VariableInstance v = model.variable(discrete.get(k));
                long size = (long) (v.upper() - v.lower()) + 1;
                odometer[k] = rest % size;
                rest /= size;
                base[v.index()] = Math.ceil(v.lower()) + odometer[k];
            }
            double[] candidate = continuous.isEmpty() ? base.clone() : multistart(model, continuous, base, starts, random, deadline);
            if (candidate == null || !feasible(model, candidate, options.tolerance())) continue;
            double objective = sign(model) * model.objectiveValue(candidate);
            if (objective < bestObjective) {
                bestObjective = objective;
                best = candidate;
            }
        }
        if (best == null) {
            return BackendResult.failed(SolveStatus.ERROR, NAME, VERSION, "no feasible point found"
                    + (discrete.isEmpty() ? " from " + starts + " starting points" : " over " + assignments + " integer assignments")
                    + "; the model may be infeasible (a local method cannot prove it)");
        }
        String how = discrete.isEmpty() ? "best of " + starts + " local searches"
                : "all " + assignments + " integer assignments enumerated, each with " + starts + " local searches";
        return new BackendResult(SolveStatus.OPTIMAL, best, NAME, VERSION, how + "; global optimality is not proven",
                Map.of(), Map.of(), true);
    }

    /** Number of integer assignments; refuses models whose integer part is too large to enumerate. */
    private static long assignments(GroundModel model, List<Integer> discrete) {
        long total = 1;
        for (int index : discrete) {
            VariableInstance v = model.variable(index);
            if (Double.isInfinite(v.lower()) || Double.isInfinite(v.upper())) {
                throw new UnsupportedModelException("variable " + v.label() + " is " + v.type().json() + " in a model that is"
                        + " nonlinear beyond polynomials (exp, log, sqrt or division by variables); such mixed-integer models are"
                        + " solved by enumerating the integer values, which needs finite bounds on every integer variable");
            }
            total *= (long) (Math.floor(v.upper()) - Math.ceil(v.lower())) + 1;
            if (total > MAX_ASSIGNMENTS) {
                throw new UnsupportedModelException("the integer variables of this nonlinear model have more than " + MAX_ASSIGNMENTS
                        + " combinations, too many to enumerate; make the nonlinear terms polynomial (then SCIP solves it"
                        + " globally) or tighten the integer bounds");
            }
        }
        return total;
    }

    private static double sign(GroundModel model) {
        return model.sense() == Sense.MAXIMIZE ? -1 : 1;
    }

    /** COBYLA from several starts over the free (continuous) variables; the others stay as in {@code base}. */
    private static double[] multistart(GroundModel model, List<Integer> free, double[] base, int starts,
                                       SplittableRandom random, long deadline) {
        int m = countConstraints(model, free);
        double sign = sign(model);
        double[] best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (int start = 0; start < starts && System.nanoTime() < deadline; start++) {
            double[] x = new double[free.size()];
            for (int k = 0; k < x.length; k++) {
                VariableInstance v = model.variable(free.get(k));
                x[k] = start == 0 ? midpoint(v) : sample(v, random);
            }
            double[] full = base.clone();
            Calcfc calcfc = (n, mm, point, con) -> {
                for (int k = 0; k < n; k++) full[free.get(k)] = point[k];
                fillConstraints(model, free, full, con);
                double f = sign * model.objectiveValue(full);
                return Double.isFinite(f) ? f : 1e30;
            };
            Cobyla.findMinimum(calcfc, x.length, m, x, 0.5, 1e-10, Cobyla.IPRINT_NONE, 20_000 + 200 * x.length);
            for (int k = 0; k < x.length; k++) full[free.get(k)] = x[k];
            if (!feasible(model, full, 1e-6)) continue;
            double objective = sign * model.objectiveValue(full);
            if (objective < bestObjective) {
                bestObjective = objective;
                best = full.clone();
            }
        }
        return best;
    }

    private static int countConstraints(GroundModel model, List<Integer> free) {
        int m = 0;
        for (GroundConstraint c : model.constraints()) {
            if (Double.isFinite(c.lower())) m++;
            if (Double.isFinite(c.upper())) m++;
        }
        for (int index : free) {
            VariableInstance v = model.variable(index);
            if (Double.isFinite(v.lower())) m++;
            if (Double.isFinite(v.upper())) m++;
        }
        return m;
    }

    /** COBYLA's convention: every entry must end up >= 0. */
    private static void fillConstraints(GroundModel model, List<Integer> free, double[] x, double[] con) {
        int at = 0;
        for (GroundConstraint c : model.constraints()) {
            double activity = c.body().evaluate(x);
            if (!Double.isFinite(activity)) activity = Double.isFinite(c.upper()) ? 1e30 : -1e30;
            if (Double.isFinite(c.lower())) con[at++] = activity - c.lower();
            if (Double.isFinite(c.upper())) con[at++] = c.upper() - activity;
        }
        for (int index : free) {
            VariableInstance v = model.variable(index);
            if (Double.isFinite(v.lower())) con[at++] = x[index] - v.lower();
            if (Double.isFinite(v.upper())) con[at++] = v.upper() - x[index];
        }
    }

    private static boolean feasible(GroundModel model, double[] x, double tolerance) {
        for (GroundConstraint c : model.constraints()) {
            double scale = 1 + Math.max(Double.isFinite(c.lower()) ? Math.abs(c.lower()) : 0, Double.isFinite(c.upper()) ? Math.abs(c.upper()) : 0);
            if (c.violation(x) > tolerance * scale) return false;
        }
        for (VariableInstance v : model.variables()) {
            if (x[v.index()] < v.lower() - tolerance || x[v.index()] > v.upper() + tolerance) return false;
        }
        return Double.isFinite(model.objectiveValue(x));
    }

    private static double midpoint(VariableInstance v) {
        if (Double.isFinite(v.lower()) && Double.isFinite(v.upper())) return (v.lower() + v.upper()) / 2;
        if (Double.isFinite(v.lower())) return v.lower() + 1;
        if (Double.isFinite(v.upper())) return v.upper() - 1;
        return 0;
    }

    private static double sample(VariableInstance v, SplittableRandom random) {
        double lo = Double.isFinite(v.lower()) ? v.lower() : (Double.isFinite(v.upper()) ? v.upper() - 2 * START_BOX : -START_BOX);
        double hi = Double.isFinite(v.upper()) ? v.upper() : lo + 2 * START_BOX;
        return lo + random.nextDouble() * (hi - lo);
    }

    private static double clamp(double value, double lo, double hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}

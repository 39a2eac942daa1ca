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
 * Smooth continuous NLP (exp, log, sqrt, division by variables) with COBYLA, a derivative-free local
 * method, from several starting points; the best feasible end point wins. Optimality is local: the
 * result says so ({@code optimality: "local"}). Pure Java, so nothing native to leak.
 */
public final class NlpEngine implements SolverEngine {

    private static final String NAME = "NLP";
    private static final String VERSION = "COBYLA multistart (jcobyla 1.4)";
    private static final double START_BOX = 10;

    @Override
    public BackendResult solve(GroundModel model, SolveOptions options) {
        for (VariableInstance v : model.variables()) {
            if (v.isDiscrete()) {
                throw new UnsupportedModelException("variable " + v.label() + " is " + v.type().json()
                        + " but the model is nonlinear beyond polynomials (exp, log, sqrt or division by variables);"
                        + " mixed-integer nonlinear models of this kind are not supported. Make it continuous, or"
                        + " reformulate the nonlinear terms as polynomials");
            }
        }
        boolean[] used = model.usedVariables();
        List<Integer> free = new ArrayList<>();
        for (int k = 0; k < used.length; k++) if (used[k]) free.add(k);
        double[] base = new double[model.variableCount()];
        for (VariableInstance v : model.variables()) base[v.index()] = clamp(0, v.lower(), v.upper());
        double sign = model.sense() == Sense.MAXIMIZE ? -1 : 1;
        int m = countConstraints(model, free);
        long deadline = System.nanoTime() + options.timeLimit().toNanos();
        SplittableRandom random = new SplittableRandom(options.seed());
        double[] best = null;
        double bestObjective = Double.POSITIVE_INFINITY;
        for (int start = 0; start < Math.max(1, options.nlpStarts()) && System.nanoTime() < deadline; start++) {
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
            if (!feasible(model, full, options.tolerance())) continue;
            double objective = sign * model.objectiveValue(full);
            if (objective < bestObjective) {
                bestObjective = objective;
                best = full.clone();
            }
        }
        if (best == null) {
            return BackendResult.failed(SolveStatus.ERROR, NAME, VERSION, "no feasible point found from "
                    + options.nlpStarts() + " starting points; the model may be infeasible (a local method cannot prove it)");
        }
        return new BackendResult(SolveStatus.OPTIMAL, best, NAME, VERSION,
                "best of " + options.nlpStarts() + " local searches; global optimality is not proven", Map.of(), Map.of(), true);
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

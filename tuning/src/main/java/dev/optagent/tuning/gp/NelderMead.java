package dev.optagent.tuning.gp;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation in a box (points are clamped into it). Used for the GP's marginal likelihood
 * (a handful of log hyperparameters) and to polish the acquisition's best candidates; both are cheap to evaluate
 * and small, where a simplex is robust and needs no gradients.
 */
public final class NelderMead {

    public record Result(double[] point, double value, int evaluations) { }

    private NelderMead() {
    }

    public static Result minimise(ToDoubleFunction<double[]> f, double[] start, double step, double[] low, double[] high, int maxEvaluations) {
        int d = start.length;
        double[][] simplex = new double[d + 1][];
        double[] values = new double[d + 1];
        int[] evaluations = {0};
        ToDoubleFunction<double[]> g = p -> {
            evaluations[0]++;
            double v = f.applyAsDouble(p);
            return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v;
        };
        simplex[0] = clamp(start.clone(), low, high);
        values[0] = g.applyAsDouble(simplex[0]);
        for (int i = 0; i < d; i++) {
            double[] p = simplex[0].clone();
            p[i] += (p[i] + step > high[i]) ? -step : step;
            simplex[i + 1] = clamp(p, low, high);
            values[i + 1] = g.applyAsDouble(simplex[i + 1]);
        }
        Integer[] order = new Integer[d + 1];
        while (evaluations[0] < maxEvaluations) {
            for (int i = 0; i <= d; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            int best = order[0];
            int worst = order[d];
            int second = order[d - 1 < 0 ? 0 : d - 1];
            if (Math.abs(values[worst] - values[best]) < 1e-10 * (1 + Math.abs(values[best])) && spread(simplex) < 1e-8) break;
            double[] centroid = new double[d];
            for (int i = 0; i <= d; i++) {
                if (i == worst) continue;
                for (int k = 0; k < d; k++) centroid[k] += simplex[i][k] / d;
            }
            double[] reflected = clamp(along(centroid, simplex[worst], -1), low, high);
            double fr = g.applyAsDouble(reflected);
            if (fr < values[best]) {
                double[] expanded = clamp(along(centroid, simplex[worst], -2), low, high);
                double fe = g.applyAsDouble(expanded);
                if (fe < fr) set(simplex, values, worst, expanded, fe);
                else set(simplex, values, worst, reflected, fr);
            } else if (fr < values[second]) {
                set(simplex, values, worst, reflected, fr);
            } else {
                double[] contracted = clamp(along(centroid, simplex[worst], fr < values[worst] ? -0.5 : 0.5), low, high);
                double fc = g.applyAsDouble(contracted);
                if (fc < Math.min(fr, values[worst])) {
                    set(simplex, values, worst, contracted, fc);
                } else {
                    for (int i = 0; i <= d; i++) {
                        if (i == best) continue;
                        for (int k = 0; k < d; k++) simplex[i][k] = simplex[best][k] + 0.5 * (simplex[i][k] - simplex[best][k]);
                        values[i] = g.applyAsDouble(simplex[i]);
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= d; i++) if (values[i] < values[best]) best = i;
        return new Result(simplex[best], values[best], evaluations[0]);
    }

    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] p = new double[centroid.length];
        for (int k = 0; k < p.length; k++) p[k] = centroid[k] + t * (worst[k] - centroid[k]);
        return p;
    }

    private static void set(double[][] simplex, double[] values, int i, double[] p, double v) {
        simplex[i] = p;
        values[i] = v;
    }

    private static double spread(double[][] simplex) {
        double max = 0;
        for (double[] p : simplex) for (int k = 0; k < p.length; k++) max = Math.max(max, Math.abs(p[k] - simplex[0][k]));
        return max;
    }

    private static double[] clamp(double[] p, double[] low, double[] high) {
        for (int k = 0; k < p.length; k++) p[k] = Math.max(low[k], Math.min(high[k], p[k]));
        return p;
    }
}

package dev.optagent.tuning.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Fits the kernel hyperparameters by maximising the marginal likelihood, with restarts. The signal variance is
 * profiled out in closed form (σ² = yᵀR⁻¹y / n for the correlation matrix R + g I), so the search runs over the
 * log length scales and the log noise ratio g only. A weak log-normal prior on the length scales (centred at 0.5 in
 * normalised units, sd 1.5 in log) keeps the first fits, made on a handful of points, from collapsing.
 */
public final class GpFitter {

    /** Normalised inputs: a length scale below 0.01 or above 20 is outside anything meaningful. */
    static final double MIN_LENGTH = 0.01;
    static final double MAX_LENGTH = 20;
    static final double MIN_NOISE = 1e-10;
    static final double MAX_NOISE = 1;
    private static final double PRIOR_CENTRE = Math.log(0.5);
    private static final double PRIOR_SD = 1.5;

    private final int restarts;
    private final double minNoise;

    /** @param restarts random restarts besides the default start and the previous fit */
    public GpFitter(int restarts) {
        this(restarts, MIN_NOISE);
    }

    /** @param minNoise noise-ratio floor; raise it for noisy objectives */
    public GpFitter(int restarts, double minNoise) {
        this.restarts = restarts;
        this.minNoise = Math.max(MIN_NOISE, minNoise);
    }

    public GaussianProcess fit(double[][] x, double[] y, Hyperparameters previous, RandomGenerator random) {
        int d = x[0].length;
        double[] yStd = GaussianProcess.standardise(y);
        double[] low = new double[d + 1];
        double[] high = new double[d + 1];
        for (int k = 0; k < d; k++) {
            low[k] = Math.log(MIN_LENGTH);
            high[k] = Math.log(MAX_LENGTH);
        }
        low[d] = Math.log(minNoise);
        high[d] = Math.log(MAX_NOISE);
        List<double[]> starts = new ArrayList<>();
        double[] standard = fill(d + 1, Math.log(0.5));
        standard[d] = Math.log(Math.max(minNoise, 1e-3));
        starts.add(standard);
        if (previous != null && previous.lengthScales().length == d) {
            double[] p = new double[d + 1];
            for (int k = 0; k < d; k++) p[k] = Math.log(previous.lengthScales()[k]);
            p[d] = Math.log(Math.max(minNoise, previous.noiseVariance() / previous.signalVariance()));
            starts.add(p);
        }
        for (int r = 0; r < restarts; r++) {
            double[] p = new double[d + 1];
            for (int k = 0; k <= d; k++) p[k] = low[k] + random.nextDouble() * (high[k] - low[k]);
            p[d] = Math.log(minNoise) + random.nextDouble() * (Math.log(0.1) - Math.log(minNoise));
            starts.add(p);
        }
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int budget = Math.min(600, 60 * (d + 1));
        for (double[] start : starts) {
            NelderMead.Result result = NelderMead.minimise(theta -> -penalisedLikelihood(x, yStd, theta), start, 0.7, low, high, budget);
            if (result.value() < bestValue) {
                bestValue = result.value();
                best = result.point();
            }
        }
        return GaussianProcess.fit(x, y, hyperparameters(x, yStd, best));
    }

    /** Profiled log likelihood plus the log prior on length scales, at θ = (log ℓ, log g). */
    static double penalisedLikelihood(double[][] x, double[] yStd, double[] theta) {
        Hyperparameters unit = unitAmplitude(theta);
        double[] lower;
        try {
            lower = GaussianProcess.cholesky(x, unit);
        } catch (IllegalStateException e) {
            return Double.NEGATIVE_INFINITY;
        }
        int n = x.length;
        double[] alpha = yStd.clone();
        org.ejml.dense.row.decomposition.TriangularSolver_DDRM.solveL(lower, alpha, n);
        double fit = 0;
        for (double v : alpha) fit += v * v;
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += Math.log(lower[i * n + i]);
        double sigma2 = Math.max(fit / n, 1e-12);
        double likelihood = -0.5 * n * Math.log(sigma2) - logDet - 0.5 * n * (1 + Math.log(2 * Math.PI));
        double prior = 0;
        for (int k = 0; k < theta.length - 1; k++) prior -= Math.pow(theta[k] - PRIOR_CENTRE, 2) / (2 * PRIOR_SD * PRIOR_SD);
        return likelihood + prior;
    }

    private static Hyperparameters hyperparameters(double[][] x, double[] yStd, double[] theta) {
        Hyperparameters unit = unitAmplitude(theta);
        double[] lower = GaussianProcess.cholesky(x, unit);
        double[] alpha = yStd.clone();
        org.ejml.dense.row.decomposition.TriangularSolver_DDRM.solveL(lower, alpha, x.length);
        double fit = 0;
        for (double v : alpha) fit += v * v;
        double sigma2 = Math.max(fit / x.length, 1e-12);
        return new Hyperparameters(unit.lengthScales(), sigma2, sigma2 * unit.noiseVariance());
    }

    private static Hyperparameters unitAmplitude(double[] theta) {
        int d = theta.length - 1;
        double[] ls = new double[d];
        for (int k = 0; k < d; k++) ls[k] = Math.exp(theta[k]);
        return new Hyperparameters(ls, 1, Math.exp(theta[d]));
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}

package dev.optagent.tuning.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;

/**
 * A Gaussian process regression with a constant mean and the Matérn 5/2 ARD kernel, on EJML's Cholesky
 * factorisation. Outputs are standardised inside (mean 0, variance 1) and predictions returned in the caller's
 * units. Immutable once fitted; {@link #withObservation} gives the kriging-believer update used for batches.
 */
public final class GaussianProcess {

    private final double[][] x;
    private final double[] yStd;
    private final double yMean;
    private final double yScale;
    private final Hyperparameters hyper;
    private final double[] lower;   // Cholesky factor of K + noise I, row-major n×n
    private final double[] alpha;   // (K + noise I)^{-1} y
    private final int n;

    private GaussianProcess(double[][] x, double[] yStd, double yMean, double yScale, Hyperparameters hyper) {
        this.x = x;
        this.yStd = yStd;
        this.yMean = yMean;
        this.yScale = yScale;
        this.hyper = hyper;
        this.n = x.length;
        this.lower = cholesky(x, hyper);
        this.alpha = yStd.clone();
        TriangularSolver_DDRM.solveL(lower, alpha, n);
        TriangularSolver_DDRM.solveTranL(lower, alpha, n);
    }

    /** Fits with given hyperparameters (in standardised output units), standardising the outputs. */
    public static GaussianProcess fit(double[][] x, double[] y, Hyperparameters hyper) {
        Standardised s = Standardised.of(y);
        return new GaussianProcess(x, s.values, s.mean, s.scale, hyper);
    }

    /** Fits with given hyperparameters on outputs used as they are (no standardisation): for closed-form checks. */
    public static GaussianProcess fitRaw(double[][] x, double[] y, Hyperparameters hyper) {
        return new GaussianProcess(x, y.clone(), 0, 1, hyper);
    }

    /** The same hyperparameters with one more (believed) observation, in the caller's units. */
    public GaussianProcess withObservation(double[] point, double value) {
        double[][] x2 = java.util.Arrays.copyOf(x, n + 1);
        x2[n] = point;
        double[] y2 = java.util.Arrays.copyOf(yStd, n + 1);
        y2[n] = (value - yMean) / yScale;
        return new GaussianProcess(x2, y2, yMean, yScale, hyper);
    }

    public Prediction predict(double[] point) {
        double[] k = new double[n];
        for (int i = 0; i < n; i++) k[i] = hyper.signalVariance() * Matern52.correlation(point, x[i], hyper.lengthScales());
        double mean = 0;
        for (int i = 0; i < n; i++) mean += k[i] * alpha[i];
        TriangularSolver_DDRM.solveL(lower, k, n);
        double reduction = 0;
        for (double v : k) reduction += v * v;
        double variance = Math.max(hyper.signalVariance() - reduction, 1e-12 * hyper.signalVariance());
        return new Prediction(yMean + yScale * mean, yScale * yScale * variance);
    }

    /** log p(y | X, θ) of the standardised outputs. */
    public double logMarginalLikelihood() {
        double fit = 0;
        for (int i = 0; i < n; i++) fit += yStd[i] * alpha[i];
        double logDet = 0;
        for (int i = 0; i < n; i++) logDet += Math.log(lower[i * n + i]);
        return -0.5 * fit - logDet - 0.5 * n * Math.log(2 * Math.PI);
    }

    /** (y − mean) / sd, as the GP sees its outputs. */
    public static double[] standardise(double[] y) {
        return Standardised.of(y).values;
    }

    /** The outputs as the GP sees them (mean 0, sd 1 unless fitted raw). */
    public double[] standardisedOutputs() {
        return yStd.clone();
    }

    public Hyperparameters hyperparameters() {
        return hyper;
    }

    public int size() {
        return n;
    }

    /** Lower Cholesky factor of K + σ²_n I; jitter grows tenfold until the factorisation succeeds. */
    static double[] cholesky(double[][] x, Hyperparameters hyper) {
        int n = x.length;
        double[] ls = hyper.lengthScales();
        double[] base = new double[n * n];
        for (int i = 0; i < n; i++) {
            base[i * n + i] = hyper.signalVariance();
            for (int j = 0; j < i; j++) {
                double v = hyper.signalVariance() * Matern52.correlation(x[i], x[j], ls);
                base[i * n + j] = v;
                base[j * n + i] = v;
            }
        }
        double jitter = 0;
        for (int attempt = 0; attempt < 8; attempt++) {
            DMatrixRMaj k = new DMatrixRMaj(n, n);
            System.arraycopy(base, 0, k.data, 0, n * n);
            for (int i = 0; i < n; i++) k.data[i * n + i] += hyper.noiseVariance() + jitter;
            CholeskyDecomposition_F64<DMatrixRMaj> chol = DecompositionFactory_DDRM.chol(n, true);
            if (chol.decompose(k)) {
                DMatrixRMaj l = chol.getT(null);
                return l.data;
            }
            jitter = jitter == 0 ? 1e-10 * hyper.signalVariance() : jitter * 10;
        }
        throw new IllegalStateException("the kernel matrix is not positive definite even with jitter (duplicate points?)");
    }

    private record Standardised(double[] values, double mean, double scale) {
        static Standardised of(double[] y) {
            double mean = 0;
            for (double v : y) mean += v;
            mean /= y.length;
            double var = 0;
            for (double v : y) var += (v - mean) * (v - mean);
            double scale = y.length > 1 ? Math.sqrt(var / (y.length - 1)) : 1;
            if (!(scale > 1e-12)) scale = 1;
            double[] out = new double[y.length];
            for (int i = 0; i < y.length; i++) out[i] = (y[i] - mean) / scale;
            return new Standardised(out, mean, scale);
        }
    }
}

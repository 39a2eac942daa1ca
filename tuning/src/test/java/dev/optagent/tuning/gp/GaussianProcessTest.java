package dev.optagent.tuning.gp;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class GaussianProcessTest {

    @Test
    void maternFiveHalvesMatchesItsFormula() {
        assertEquals(1.0, Matern52.ofDistance(0), 1e-15);
        double r = 0.7;
        double expected = (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r);
        assertEquals(expected, Matern52.correlation(new double[] {0, 0}, new double[] {0.7 * 0.3, 0}, new double[] {0.3, 1}), 1e-14);
    }

    @Test
    void twoPointPosteriorEqualsTheClosedForm() {
        double[][] x = {{0.2}, {0.6}};
        double[] y = {1.0, -0.5};
        double s2 = 1.7;
        double noise = 0.01;
        double ell = 0.4;
        GaussianProcess gp = GaussianProcess.fitRaw(x, y, new Hyperparameters(new double[] {ell}, s2, noise));
        double k12 = s2 * Matern52.ofDistance(0.4 / ell);
        double a = s2 + noise;
        double det = a * a - k12 * k12;
        double[][] inv = {{a / det, -k12 / det}, {-k12 / det, a / det}};
        double xs = 0.35;
        double[] k = {s2 * Matern52.ofDistance(Math.abs(xs - 0.2) / ell), s2 * Matern52.ofDistance(Math.abs(xs - 0.6) / ell)};
        double mean = 0;
        double quad = 0;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 2; j++) {
                mean += k[i] * inv[i][j] * y[j];
                quad += k[i] * inv[i][j] * k[j];
            }
        }
        Prediction p = gp.predict(new double[] {xs});
        assertEquals(mean, p.mean(), 1e-12);
        assertEquals(s2 - quad, p.variance(), 1e-12);
        double fit = 0;
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) fit += y[i] * inv[i][j] * y[j];
        double logLik = -0.5 * fit - 0.5 * Math.log(det) - Math.log(2 * Math.PI);
        assertEquals(logLik, gp.logMarginalLikelihood(), 1e-12);
    }

    @Test
    void fittedProcessInterpolatesASmoothFunctionAndKnowsWhereItIsUnsure() {
        SplittableRandom random = new SplittableRandom(5);
        int n = 25;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {random.nextDouble(), random.nextDouble()};
            y[i] = 100 + 30 * Math.sin(3 * x[i][0]) + 5 * x[i][1] * x[i][1];
        }
        GaussianProcess gp = new GpFitter(2).fit(x, y, null, random);
        assertEquals(y[3], gp.predict(x[3]).mean(), 1e-2, "a noise-free observation is reproduced");
        double worst = 0;
        for (int k = 0; k < 200; k++) {
            double[] p = {0.1 + 0.8 * random.nextDouble(), 0.1 + 0.8 * random.nextDouble()};
            double truth = 100 + 30 * Math.sin(3 * p[0]) + 5 * p[1] * p[1];
            worst = Math.max(worst, Math.abs(gp.predict(p).mean() - truth));
        }
        assertTrue(worst < 0.5, "largest interior error " + worst + " on a function of range ~30");
        assertTrue(gp.predict(new double[] {3, 3}).sd() > 10 * gp.predict(new double[] {0.5, 0.5}).sd(),
                "far from the data the posterior is much less certain");
        assertTrue(gp.hyperparameters().lengthScales()[1] > gp.hyperparameters().lengthScales()[0],
                "ARD: the gentler input gets the longer length scale");
    }

    @Test
    void noiseIsEstimatedFromScatteredObservations() {
        SplittableRandom random = new SplittableRandom(11);
        int n = 40;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = random.nextDouble();
            y[i] = x[i][0] + 0.3 * random.nextGaussian();
        }
        GaussianProcess gp = new GpFitter(2).fit(x, y, null, random);
        double noiseSd = Math.sqrt(gp.hyperparameters().noiseVariance()) * sd(y);
        assertTrue(noiseSd > 0.15 && noiseSd < 0.5, "estimated noise sd " + noiseSd + " for a true 0.3");
    }

    private static double sd(double[] y) {
        double m = java.util.Arrays.stream(y).average().orElse(0);
        return Math.sqrt(java.util.Arrays.stream(y).map(v -> (v - m) * (v - m)).sum() / (y.length - 1));
    }
}

package dev.optagent.tuning.acquisition;

import dev.optagent.tuning.gp.GaussianProcess;
import dev.optagent.tuning.gp.Hyperparameters;
import dev.optagent.tuning.gp.Prediction;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.SearchSpace;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

class ExpectedImprovementTest {

    @Test
    void normalDistributionMatchesKnownValues() {
        assertEquals(0.5, Normal.cdf(0), 1e-7);
        assertEquals(0.8413447460685429, Normal.cdf(1), 2e-7);
        assertEquals(0.022750131948179195, Normal.cdf(-2), 1e-8);
    }

    @Test
    void expectedImprovementEqualsTheIntegralItStandsFor() {
        double mean = 1.3;
        double sd = 0.8;
        double best = 1.0;
        double integral = 0;
        double h = 1e-4;
        for (double f = mean - 10 * sd; f < best; f += h) {
            double density = Math.exp(-0.5 * Math.pow((f - mean) / sd, 2)) / (sd * Math.sqrt(2 * Math.PI));
            integral += (best - f) * density * h;
        }
        double ei = Acquisition.expectedImprovement().score(new Prediction(mean, sd * sd), best);
        assertEquals(integral, ei, 1e-5);
        assertEquals(0.5 * 0 + 0.8 * Normal.pdf(0), Acquisition.expectedImprovement().score(new Prediction(1.0, 0.64), 1.0), 1e-12);
    }

    @Test
    void expectedImprovementIsMaximalBetweenTheTwoLowestObservations() {
        // A valley sampled at its two walls and two low points: EI should peak between the low points,
        // not at the high walls nor exactly on an observation.
        double[][] x = {{0.0}, {0.4}, {0.6}, {1.0}};
        double[] y = {4, 0.3, 0.3, 4};
        GaussianProcess gp = GaussianProcess.fit(x, y, new Hyperparameters(new double[] {0.3}, 1, 1e-8));
        SearchSpace space = SearchSpace.of(FloatParameter.of("x", 0, 1));
        Configuration best = AcquisitionSearch.defaults().maximise(gp, Acquisition.expectedImprovement(), 0.3, space,
                List.of(new double[] {0.4}), List.of(), new SplittableRandom(1)).orElseThrow();
        assertEquals(0.5, best.number("x"), 0.03);
    }

    @Test
    void ucbPrefersUncertaintyMoreThanEiAtEqualMeans() {
        Acquisition ucb = Acquisition.upperConfidenceBound(2);
        assertTrue(ucb.score(new Prediction(0, 1), 0) > ucb.score(new Prediction(0, 0.25), 0));
        assertEquals(2.0, ucb.score(new Prediction(0, 1), 0), 1e-12);
    }
}

package dev.optagent.tuning.acquisition;

import dev.optagent.tuning.gp.GaussianProcess;
import dev.optagent.tuning.gp.NelderMead;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.SearchSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Maximises an acquisition over a space by multistart: random points of the unit cube plus small and large
 * perturbations of the best trials, then a simplex polish of the most promising few. The search moves in unit
 * coordinates (one per parameter) and scores the configuration each point maps to, so integer and categorical
 * parameters are always evaluated at real values. Configurations already tried are skipped.
 */
public final class AcquisitionSearch {

    private final int randomCandidates;
    private final int polished;

    public AcquisitionSearch(int randomCandidates, int polished) {
        this.randomCandidates = randomCandidates;
        this.polished = polished;
    }

    public static AcquisitionSearch defaults() {
        return new AcquisitionSearch(1500, 5);
    }

    /** The best new configuration, or empty when every candidate found was already tried. */
    public java.util.Optional<Configuration> maximise(GaussianProcess gp, Acquisition acquisition, double best, SearchSpace space,
                                                      List<double[]> incumbents, List<Configuration> taken, RandomGenerator random) {
        int d = space.size();
        List<double[]> starts = new ArrayList<>();
        for (int k = 0; k < randomCandidates; k++) {
            double[] p = new double[d];
            for (int i = 0; i < d; i++) p[i] = random.nextDouble();
            starts.add(p);
        }
        for (double[] incumbent : incumbents) {
            for (double scale : new double[] {0.01, 0.05, 0.2}) {
                for (int k = 0; k < 30; k++) {
                    double[] p = incumbent.clone();
                    for (int i = 0; i < d; i++) p[i] = clamp(p[i] + scale * random.nextGaussian());
                    starts.add(p);
                }
            }
        }
        List<Scored> scored = new ArrayList<>();
        for (double[] p : starts) scored.add(new Scored(p, score(gp, acquisition, best, space, p)));
        scored.sort(Comparator.comparingDouble(Scored::value).reversed());
        double[] low = new double[d];
        double[] high = new double[d];
        Arrays.fill(high, Math.nextDown(1.0));
        List<Scored> finals = new ArrayList<>();
        for (int k = 0; k < Math.min(polished, scored.size()); k++) {
            NelderMead.Result r = NelderMead.minimise(p -> -score(gp, acquisition, best, space, p), scored.get(k).point(),
                    0.05, low, high, 40 * (d + 1));
            finals.add(new Scored(r.point(), -r.value()));
        }
        finals.addAll(scored);
        finals.sort(Comparator.comparingDouble(Scored::value).reversed());
        for (Scored s : finals) {
            Configuration config = space.fromUnit(s.point());
            if (taken.stream().noneMatch(config::sameAs)) return java.util.Optional.of(config);
        }
        return java.util.Optional.empty();
    }

    private static double score(GaussianProcess gp, Acquisition acquisition, double best, SearchSpace space, double[] unit) {
        return acquisition.score(gp.predict(space.features(space.fromUnit(unit))), best);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(Math.nextDown(1.0), v));
    }

    private record Scored(double[] point, double value) { }
}

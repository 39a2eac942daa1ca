package dev.optagent.tuning.bench;

import dev.optagent.tuning.Optimizer;
import dev.optagent.tuning.acquisition.CandidateSampler;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.study.StudySettings;
import dev.optagent.tuning.study.Trial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Runs one task for several seeds and summarises the best-so-far curves: per trial, the median and mean over
 * seeds, and how many trials each seed needed to reach the task's target.
 */
public final class Benchmark {

    /** @param bestByTrial median best-so-far per trial; trialsToTarget per seed (null: not reached) */
    public record Result(String function, String init, int trials, int seeds, int initialTrials, List<Double> bestByTrial,
                         List<Double> meanByTrial, List<Integer> trialsToTarget, Double medianTrialsToTarget, double target,
                         double optimum, double seconds, List<List<Double>> curves) { }

    private Benchmark() {
    }

    /**
     * @param design      the initial design for seed s (a recorded warm start replays per seed)
     * @param initialTrials trials from the design; equal to {@code trials} for pure random search
     */
    public static Result run(BenchmarkTask task, String init, LongFunction<InitialDesign> design, int initialTrials,
                             int trials, int seeds, long firstSeed) {
        return run(task, init, design, null, initialTrials, trials, seeds, firstSeed);
    }

    /** @param sampler the candidate sampler beside EI for seed s (LLAMBO's), or null for none */
    public static Result run(BenchmarkTask task, String init, LongFunction<InitialDesign> design, LongFunction<CandidateSampler> sampler,
                             int initialTrials, int trials, int seeds, long firstSeed) {
        long start = System.nanoTime();
        List<List<Double>> curves = new ArrayList<>();
        List<Integer> reach = new ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            long seed = firstSeed + s;
            Optimizer.Builder builder = Optimizer.builder(task.space()).description(task.description())
                    .settings(new StudySettings(init, initialTrials, null, seed, 0))
                    .initialDesign(design.apply(seed)).seed(seed).initialTrials(initialTrials);
            if (sampler != null) builder.candidateSampler(sampler.apply(seed), CandidateSampler.DEFAULT_CANDIDATES, CandidateSampler.DEFAULT_ALPHA);
            Optimizer optimizer = builder.build();
            List<Double> curve = new ArrayList<>();
            double best = Double.POSITIVE_INFINITY;
            Integer reached = null;
            for (int t = 0; t < trials; t++) {
                Trial trial = optimizer.ask();
                try {
                    double v = task.objective().evaluate(trial.config());
                    optimizer.tell(trial, v);
                    best = Math.min(best, task.description().direction().toLoss(v));
                } catch (Exception e) {
                    optimizer.tellFailure(trial.number(), e.getMessage());
                }
                double shown = task.description().direction().toLoss(best);
                curve.add(shown);
                if (reached == null && best <= task.description().direction().toLoss(task.target())) reached = t + 1;
            }
            curves.add(curve);
            reach.add(reached);
        }
        List<Double> median = new ArrayList<>();
        List<Double> mean = new ArrayList<>();
        for (int t = 0; t < trials; t++) {
            double[] column = new double[seeds];
            for (int s = 0; s < seeds; s++) column[s] = curves.get(s).get(t);
            median.add(median(column));
            mean.add(Arrays.stream(column).average().orElse(Double.NaN));
        }
        // Unreached seeds count as "more than the budget" for the median.
        double[] reachValues = reach.stream().mapToDouble(r -> r == null ? Double.POSITIVE_INFINITY : r).toArray();
        double medianReach = median(reachValues);
        return new Result(task.name(), init, trials, seeds, initialTrials, median, mean, reach,
                Double.isInfinite(medianReach) ? null : medianReach, task.target(), task.optimum(),
                (System.nanoTime() - start) / 1e9, curves);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

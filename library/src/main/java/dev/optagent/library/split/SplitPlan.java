package dev.optagent.library.split;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule of a seeded train / validation / test split: how many problems of each benchmark file go to each part, and
 * which benchmarks are kept out of training entirely (out-of-distribution test).
 *
 * @param seed              seeds the shuffle of each benchmark's ids (sorted first, so the result does not depend on file order)
 * @param train             benchmark file stem -> problems for training
 * @param validation        benchmark file stem -> problems for validation (knob choices, refinement)
 * @param test              benchmark file stem -> problems for test (in distribution)
 * @param outOfDistribution benchmark file stem -> problems for test, never trained on (0 = all)
 * @param nearDuplicate     word-set Jaccard at or above which a validation/test problem counts as a copy of a training one
 */
public record SplitPlan(long seed, Map<String, Integer> train, Map<String, Integer> validation, Map<String, Integer> test,
                        Map<String, Integer> outOfDistribution, double nearDuplicate) {

    /** The split fixed before learning (docs/library.md). */
    public static SplitPlan fixed() {
        return new SplitPlan(20261203L,
                ordered("mamo_complex", 25, "nlp4lp", 35, "optibench", 35, "mamo_easy", 25, "nl4opt", 15, "icml_task3", 15),
                ordered("mamo_complex", 6, "nlp4lp", 6, "optibench", 6, "mamo_easy", 6, "nl4opt", 3, "icml_task3", 3),
                ordered("mamo_complex", 12, "nlp4lp", 10, "optibench", 10, "mamo_easy", 5, "nl4opt", 4, "icml_task3", 4),
                ordered("industryor", 0, "optmath_bench", 30), 0.6);
    }

    private static Map<String, Integer> ordered(Object... pairs) {
        Map<String, Integer> map = new LinkedHashMap<>();
        for (int k = 0; k < pairs.length; k += 2) map.put((String) pairs[k], (Integer) pairs[k + 1]);
        return map;
    }

    public List<String> benchmarks() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(train.keySet());
        all.addAll(validation.keySet());
        all.addAll(test.keySet());
        all.addAll(outOfDistribution.keySet());
        return List.copyOf(all);
    }
}

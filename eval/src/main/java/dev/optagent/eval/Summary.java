package dev.optagent.eval;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code summary.json}: counts, accuracy under each rule (never mixed), by problem type, failure
 * categories, and cost (LLM calls, tokens, wall time: totals, means and medians). {@code unanswered} counts
 * the problems the model never answered (provider errors, time-outs): they are in {@code count} and score as
 * not correct, but they are no verdict on the agent, and a resumed run asks them again.
 */
@JsonPropertyOrder({"dataset", "model", "count", "unanswered", "accuracy", "correct", "optiBench", "byBenchmark", "byType", "byConfidence", "byAssumptions", "failures", "cost"})
public record Summary(
        String dataset,
        String model,
        int count,
        int unanswered,
        Map<String, Double> accuracy,
        Map<String, Integer> correct,
        Map<String, Object> optiBench,
        Map<String, Map<String, Object>> byBenchmark,
        Map<String, Map<String, Object>> byType,
        Map<String, Map<String, Object>> byConfidence,
        Map<String, Map<String, Object>> byAssumptions,
        Map<String, Integer> failures,
        Map<String, Object> cost) {

    public static Summary of(String dataset, String model, List<ProblemResult> results) {
        int n = results.size();
        Map<String, Integer> correct = new LinkedHashMap<>();
        correct.put("strict", (int) results.stream().filter(ProblemResult::correctStrict).count());
        correct.put("lenient", (int) results.stream().filter(ProblemResult::correctLenient).count());
        Map<String, Double> accuracy = new LinkedHashMap<>();
        correct.forEach((rule, k) -> accuracy.put(rule, n == 0 ? 0 : (double) k / n));
        // The OptiBench rule applies only where the dataset has gold variable values; its denominator says so.
        List<ProblemResult> withValues = results.stream().filter(r -> r.correctOptiBench() != null).toList();
        Map<String, Object> optiBench = new LinkedHashMap<>();
        optiBench.put("count", withValues.size());
        optiBench.put("correct", withValues.stream().filter(ProblemResult::correctOptiBench).count());
        optiBench.put("accuracy", withValues.isEmpty() ? 0 : withValues.stream().filter(ProblemResult::correctOptiBench).count() / (double) withValues.size());
        Map<String, Map<String, Object>> byBenchmark = new TreeMap<>();
        groupBy(results, r -> r.benchmark() == null ? dataset : r.benchmark()).forEach((b, group) -> byBenchmark.put(b, accuracyOf(group)));
        Map<String, Map<String, Object>> byType = new TreeMap<>();
        groupBy(results, r -> r.type() == null ? "all" : r.type()).forEach((type, group) -> byType.put(type, accuracyOf(group)));
        // Calibration of self-consistency: accuracy among answers with each level of sample agreement.
        Map<String, Map<String, Object>> byConfidence = new TreeMap<>(java.util.Comparator.reverseOrder());
        if (results.stream().anyMatch(r -> r.confidence() != null && r.confidence() < 1)) {
            groupBy(results.stream().filter(r -> r.confidence() != null && r.predicted() != null).toList(),
                    r -> String.format(java.util.Locale.ROOT, "%.2f", r.confidence()))
                    .forEach((level, group) -> byConfidence.put(level, accuracyOf(group)));
        }
        // Whether answers that rest on stated assumptions (missing data, an ambiguous sentence) are less often right.
        Map<String, Map<String, Object>> byAssumptions = new TreeMap<>();
        if (results.stream().anyMatch(r -> r.assumptions() != null && r.assumptions() > 0)) {
            groupBy(results.stream().filter(r -> r.assumptions() != null && r.predicted() != null).toList(),
                    r -> r.assumptions() > 0 ? "stated" : "none")
                    .forEach((kind, group) -> byAssumptions.put(kind, accuracyOf(group)));
        }
        Map<String, Integer> failures = new TreeMap<>();
        for (ProblemResult r : results) failures.merge(r.failure().name(), 1, Integer::sum);
        Map<String, Object> cost = new LinkedHashMap<>();
        cost.put("llmCalls", results.stream().mapToLong(ProblemResult::llmCalls).sum());
        cost.put("inputTokens", results.stream().mapToLong(ProblemResult::inputTokens).sum());
        cost.put("outputTokens", results.stream().mapToLong(ProblemResult::outputTokens).sum());
        cost.put("meanLlmCalls", n == 0 ? 0 : results.stream().mapToLong(ProblemResult::llmCalls).average().orElse(0));
        cost.put("meanTokens", n == 0 ? 0 : results.stream().mapToLong(r -> r.inputTokens() + r.outputTokens()).average().orElse(0));
        cost.put("medianWallSeconds", median(results.stream().mapToDouble(r -> r.wallMillis() / 1000.0).toArray()));
        cost.put("totalWallSeconds", results.stream().mapToLong(ProblemResult::wallMillis).sum() / 1000.0);
        int unanswered = (int) results.stream().filter(ProblemResult::awaitingAnswer).count();
        return new Summary(dataset, model, n, unanswered, accuracy, correct, optiBench, byBenchmark, byType, byConfidence, byAssumptions, failures, cost);
    }

    private static Map<String, Object> accuracyOf(List<ProblemResult> group) {
        return Map.of(
                "count", group.size(),
                "strict", group.stream().filter(ProblemResult::correctStrict).count() / (double) group.size(),
                "lenient", group.stream().filter(ProblemResult::correctLenient).count() / (double) group.size());
    }

    private static Map<String, List<ProblemResult>> groupBy(List<ProblemResult> results, Function<ProblemResult, String> key) {
        Map<String, List<ProblemResult>> groups = new TreeMap<>();
        for (ProblemResult r : results) groups.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        return groups;
    }

    static double median(double[] values) {
        if (values.length == 0) return 0;
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

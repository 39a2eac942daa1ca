package dev.optagent.library.split;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.DatasetReader;
import dev.optagent.datasets.Problem;
import dev.optagent.library.model.LibraryJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A split made from a {@link SplitPlan} over the development files: ids only (never problem text), so it can be
 * committed and reviewed. Per benchmark the ids are sorted, shuffled with the seed, and dealt to train, validation and
 * test in that order; a validation or test problem whose words nearly equal a training problem's (the benchmarks
 * overlap: OptiBench holds most NL4Opt and all ICML Track 3 problems) is skipped and recorded.
 */
@JsonPropertyOrder({"seed", "rule", "train", "validation", "test", "skippedNearDuplicates"})
public record Split(long seed, String rule, List<String> train, List<String> validation, List<String> test,
                    List<String> skippedNearDuplicates) {

    public static final String RULE = "per benchmark: ids sorted, shuffled with java.util.Random(seed), dealt to train, validation,"
            + " test; industryor and optmath_bench never in training (out-of-distribution test); a validation/test problem with"
            + " word-set Jaccard >= 0.6 to any training problem is skipped";

    private static final Pattern WORD = Pattern.compile("[a-z0-9]+");

    public static Split make(SplitPlan plan, Path datasetsDir) {
        Map<String, List<Problem>> byBenchmark = new LinkedHashMap<>();
        for (String benchmark : plan.benchmarks()) byBenchmark.put(benchmark, shuffled(read(datasetsDir, benchmark), plan.seed()));
        List<Problem> train = new ArrayList<>();
        Map<String, Integer> dealt = new LinkedHashMap<>();
        plan.train().forEach((benchmark, n) -> {
            List<Problem> problems = byBenchmark.get(benchmark);
            train.addAll(problems.subList(0, Math.min(n, problems.size())));
            dealt.put(benchmark, Math.min(n, problems.size()));
        });
        List<Set<String>> trainWords = train.stream().map(p -> words(p.question())).toList();
        List<String> skipped = new ArrayList<>();
        List<String> validation = deal(plan.validation(), byBenchmark, dealt, trainWords, plan.nearDuplicate(), skipped);
        List<String> test = deal(plan.test(), byBenchmark, dealt, trainWords, plan.nearDuplicate(), skipped);
        plan.outOfDistribution().forEach((benchmark, n) -> {
            List<Problem> problems = byBenchmark.get(benchmark);
            int count = n == 0 ? problems.size() : Math.min(n, problems.size());
            problems.subList(0, count).forEach(p -> test.add(p.id()));
        });
        return new Split(plan.seed(), RULE, train.stream().map(Problem::id).toList(), validation, test, skipped);
    }

    private static List<String> deal(Map<String, Integer> counts, Map<String, List<Problem>> byBenchmark, Map<String, Integer> dealt,
                                     List<Set<String>> trainWords, double threshold, List<String> skipped) {
        List<String> ids = new ArrayList<>();
        counts.forEach((benchmark, n) -> {
            List<Problem> problems = byBenchmark.get(benchmark);
            int next = dealt.getOrDefault(benchmark, 0);
            int taken = 0;
            while (taken < n && next < problems.size()) {
                Problem problem = problems.get(next++);
                Set<String> mine = words(problem.question());
                if (trainWords.stream().anyMatch(other -> jaccard(mine, other) >= threshold)) {
                    skipped.add(problem.id());
                    continue;
                }
                ids.add(problem.id());
                taken++;
            }
            dealt.put(benchmark, next);
        });
        return ids;
    }

    private static List<Problem> read(Path datasetsDir, String benchmark) {
        Path file = datasetsDir.resolve(benchmark + ".jsonl");
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no development file " + file + " (set --datasets-dir)");
        Dataset dataset = DatasetReader.read(file);
        return dataset.problems();
    }

    private static List<Problem> shuffled(List<Problem> problems, long seed) {
        List<Problem> sorted = new ArrayList<>(problems);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        Collections.shuffle(sorted, new Random(seed));
        return sorted;
    }

    static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) words.add(m.group());
        return words;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) return 1;
        int common = 0;
        for (String w : a) if (b.contains(w)) common++;
        return (double) common / (a.size() + b.size() - common);
    }

    public List<String> part(String name) {
        return switch (name) {
            case "train" -> train;
            case "validation" -> validation;
            case "test" -> test;
            default -> throw new IllegalArgumentException("a split part is train, validation or test, not '" + name + "'");
        };
    }

    public static Split read(Path file) {
        try {
            return LibraryJson.JSON.readValue(file.toFile(), Split.class);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the split " + file + ": " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            Files.writeString(file, LibraryJson.JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes one part as a normalised JSONL file (the source records' lines, unchanged) for {@code optagent eval --dataset}.
     * For run directories only: never commit the result.
     */
    public void writeJsonl(String name, Path datasetsDir, Path out) {
        Set<String> wanted = new HashSet<>(part(name));
        Map<String, String> lines = new LinkedHashMap<>();
        Set<String> benchmarks = new java.util.LinkedHashSet<>();
        for (String id : part(name)) benchmarks.add(id.substring(0, id.lastIndexOf('-')));
        try {
            for (String benchmark : benchmarks) {
                for (String line : Files.readAllLines(datasetsDir.resolve(benchmark + ".jsonl"))) {
                    if (line.isBlank()) continue;
                    String id = LibraryJson.JSON.readTree(line).path("id").asText();
                    if (wanted.contains(id)) lines.put(id, line);
                }
            }
            List<String> ordered = new ArrayList<>();
            for (String id : part(name)) if (lines.containsKey(id)) ordered.add(lines.get(id));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.write(out, ordered);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }

    /** The problems of one part, read from the development files (at run time; nothing copied into the repository). */
    public List<Problem> problems(String name, Path datasetsDir) {
        Map<String, Problem> byId = new LinkedHashMap<>();
        Set<String> benchmarks = new java.util.LinkedHashSet<>();
        for (String id : part(name)) benchmarks.add(id.substring(0, id.lastIndexOf('-')));
        for (String benchmark : benchmarks) read(datasetsDir, benchmark).forEach(p -> byId.put(p.id(), p));
        List<Problem> problems = new ArrayList<>();
        for (String id : part(name)) {
            Problem p = byId.get(id);
            if (p == null) throw new IllegalArgumentException("split id " + id + " is not in " + datasetsDir);
            problems.add(p);
        }
        return problems;
    }
}

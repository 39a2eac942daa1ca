package dev.optagent.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Combines the output directories of shard runs into one run (results, traces, reports). */
public final class RunMerge {

    private RunMerge() {
    }

    public static List<ProblemResult> merge(List<Path> shards, Path out) {
        Map<String, ProblemResult> all = new LinkedHashMap<>();
        try {
            Files.createDirectories(out.resolve("traces"));
            StringBuilder lines = new StringBuilder();
            com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (Path shard : shards) {
                Map<String, ProblemResult> results = ResultsFile.read(shard.resolve("results.jsonl"));
                if (results.isEmpty()) throw new IllegalArgumentException(shard + " holds no results.jsonl with results");
                for (ProblemResult result : results.values()) {
                    if (all.putIfAbsent(result.id(), result) != null) {
                        throw new IllegalArgumentException("problem " + result.id() + " appears in two shards; were the shards run with different --shard n?");
                    }
                    lines.append(json.writeValueAsString(result)).append('\n');
                    if (result.trace() != null && Files.exists(shard.resolve("traces").resolve(result.trace()))) {
                        Files.copy(shard.resolve("traces").resolve(result.trace()), out.resolve("traces").resolve(result.trace()),
                                StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            Files.writeString(out.resolve("results.jsonl"), lines.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(all.values());
    }
}

package dev.optagent.eval;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads an append-only results file; a torn last line (a kill mid-write) is ignored and re-run. */
public final class ResultsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ResultsFile() {
    }

    public static Map<String, ProblemResult> read(Path file) {
        Map<String, ProblemResult> results = new LinkedHashMap<>();
        if (!Files.exists(file)) return results;
        try {
            List<String> lines = Files.readAllLines(file);
            for (String line : lines) {
                if (line.isBlank()) continue;
                try {
                    ProblemResult result = JSON.readValue(line, ProblemResult.class);
                    results.put(result.id(), result);
                } catch (IOException torn) {
                    // an interrupted write; that problem runs again
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        return results;
    }
}

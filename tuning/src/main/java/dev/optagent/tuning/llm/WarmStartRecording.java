package dev.optagent.tuning.llm;

import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.study.StudyFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Warm-start replies recorded once from a real model, one run per seed, so a benchmark can be replayed across
 * seeds without calling the model again. Replaying re-parses the recorded replies with the current code; a reply is
 * only replayed to the prompt it answered, so a changed prompt or description is caught, not silently reused.
 *
 * @param task   what the recording is for (a test function's name, or a study's)
 * @param model  which model answered (provider and name), for the report
 */
public record WarmStartRecording(String task, String model, List<List<ModelExchange>> runs) {

    public WarmStartRecording {
        runs = runs.stream().map(List::copyOf).toList();
    }

    public static WarmStartRecording read(Path file) {
        try {
            return StudyFile.JSON.readValue(file.toFile(), WarmStartRecording.class);
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not a warm-start recording: " + e.getMessage(), e);
        }
    }

    public void write(Path file) {
        try {
            dev.optagent.formulation.io.AtomicFile.write(file, StudyFile.JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The replies of run {@code index} (modulo the number of runs), as a chat that checks each prompt. */
    public ChatCall replay(int index) {
        if (runs.isEmpty()) throw new IllegalArgumentException("the recording for " + task + " holds no runs");
        List<ModelExchange> run = runs.get(Math.floorMod(index, runs.size()));
        int[] next = {0};
        return (system, user) -> {
            if (next[0] >= run.size()) {
                throw new IllegalStateException("the recording for " + task + " has no reply left for call " + (next[0] + 1)
                        + " of run " + index + "; record again");
            }
            ModelExchange recorded = run.get(next[0]++);
            if (!recorded.user().equals(user) || !recorded.system().equals(system)) {
                throw new IllegalStateException("the prompt differs from the one recorded for " + task
                        + " (prompt or description changed since recording); record again");
            }
            return new ChatCall.Reply(recorded.reply(), recorded.inputTokens(), recorded.outputTokens());
        };
    }
}

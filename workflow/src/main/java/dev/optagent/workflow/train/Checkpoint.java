package dev.optagent.workflow.train;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.optagent.formulation.io.AtomicFile;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainer's state after each step ({@code checkpoint.json} in the run directory, written atomically): the
 * splits, the current workflow and its score, every step with the optimizer's reasoning. A killed run resumes
 * from here; the run directory's recordings (results, traces, optimizer replies) make the finished work free.
 *
 * @param current      the current (best accepted) workflow, as a workflow file's text
 * @param stopped      why the run stopped, null while it may continue
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Checkpoint(String format, long seed, List<String> train, List<String> validation, String start, String current,
                         ValidationScore baseline, ValidationScore currentScore, List<StepRecord> steps, long wallMillis, String stopped) {

    public static final String FORMAT = "optagent-workflow-run/1";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public Checkpoint {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    static Checkpoint start(long seed, List<String> train, List<String> validation, Workflow start, ValidationScore baseline) {
        String text = WorkflowFile.toJson(start);
        return new Checkpoint(FORMAT, seed, train, validation, text, text, baseline, baseline, List.of(), 0, null);
    }

    public Workflow currentWorkflow() {
        return WorkflowFile.parse(current, "checkpoint");
    }

    public Workflow startWorkflow() {
        return WorkflowFile.parse(start, "checkpoint");
    }

    Checkpoint after(StepRecord step, Workflow newCurrent, ValidationScore newScore, long wall) {
        List<StepRecord> all = new ArrayList<>(steps);
        all.add(step);
        return new Checkpoint(format, seed, train, validation, start, WorkflowFile.toJson(newCurrent), baseline, newScore, all, wall, null);
    }

    Checkpoint stoppedBecause(String reason, long wall) {
        return new Checkpoint(format, seed, train, validation, start, current, baseline, currentScore, steps, wall, reason);
    }

    Checkpoint resumed() {
        return new Checkpoint(format, seed, train, validation, start, current, baseline, currentScore, steps, wallMillis, null);
    }

    public static Path file(Path runDir) {
        return runDir.resolve("checkpoint.json");
    }

    void write(Path runDir) {
        try {
            AtomicFile.writeText(file(runDir), JSON.writeValueAsString(this));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The checkpoint in a run directory, or null when the run has not started. */
    public static Checkpoint read(Path runDir) {
        Path file = file(runDir);
        if (!Files.isRegularFile(file)) return null;
        try {
            Checkpoint checkpoint = JSON.readValue(file.toFile(), Checkpoint.class);
            if (!FORMAT.equals(checkpoint.format())) throw new IllegalArgumentException(file + " is not a workflow training checkpoint");
            return checkpoint;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the checkpoint " + file + ": " + e.getMessage(), e);
        }
    }
}

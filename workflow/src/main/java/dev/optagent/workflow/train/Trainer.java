package dev.optagent.workflow.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.Problem;
import dev.optagent.eval.ProblemResult;
import dev.optagent.eval.ResultsFile;
import dev.optagent.formulation.io.AtomicFile;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowDiff;
import dev.optagent.workflow.WorkflowFile;
import dev.optagent.workflow.optoprime.SuggestionCheck;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The workflow trainer: each step runs the current workflow on a minibatch of training problems, lets OptoPrime
 * (or, on knob steps, the knob search) propose a change from the runs' subgraphs and feedback, validates it, and
 * scores the candidate on the fixed validation sample. The candidate is accepted only when it scores better
 * (more correct answers, or as many at lower cost); otherwise it is rolled back. Stops on the step limit, the
 * call or wall-time budget, or {@code patience} steps without improvement. Every step ends with an atomic
 * checkpoint and the current workflow written to the output file, so a killed run resumes where it was.
 *
 * <p>Run directory layout: {@code checkpoint.json}, {@code evals/<checksum12>/} (validation runs, one per
 * distinct workflow: scored once), {@code steps/<n>/batch/} (the minibatch run), {@code steps/<n>/optimizer.json}
 * (the optimizer's prompt and reply, recorded before use and replayed on resume), {@code report.md}.
 */
public final class Trainer {

    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Scorer scorer;
    private final LlmClient optimizer;
    private final KnobSearch knobs;
    private final TrainerOptions options;
    private final Consumer<String> progress;

    /** @param progress receives one line per event (a terminal, a log) */
    public Trainer(Scorer scorer, LlmClient optimizer, KnobSearch knobs, TrainerOptions options, Consumer<String> progress) {
        this.scorer = scorer;
        this.optimizer = optimizer;
        this.knobs = knobs;
        this.options = options;
        this.progress = progress;
    }

    /**
     * Trains from {@code start} (or resumes the run in {@code runDir}); writes the current workflow to {@code out}
     * after every step. Returns the final checkpoint.
     */
    public Checkpoint run(Workflow start, Dataset train, Dataset validation, Path runDir, Path out) {
        long session = System.nanoTime();
        List<String> trainIds = train.problems().stream().map(Problem::id).toList();
        List<String> valIds = validation.problems().stream().map(Problem::id).toList();
        Checkpoint checkpoint = Checkpoint.read(runDir);
        if (checkpoint != null) {
            if (!checkpoint.train().equals(trainIds) || !checkpoint.validation().equals(valIds) || checkpoint.seed() != options.seed()
                    || !checkpoint.startWorkflow().checksum().equals(start.checksum())) {
                throw new IllegalArgumentException(runDir + " holds a run with other training/validation problems, another seed or"
                        + " another starting workflow; use another --run-dir, or the same --train, --val, --seed and --start to resume it");
            }
            checkpoint = checkpoint.resumed();
            say("resuming " + runDir + " after step " + checkpoint.steps().size() + ": " + checkpoint.currentScore().describe());
            replayKnobSteps(checkpoint);
        } else {
            say("scoring the starting workflow '" + start.name() + "' on " + valIds.size() + " validation problems");
            ValidationScore baseline = scorer.score(start, validation, evalDir(runDir, start)).score();
            checkpoint = Checkpoint.start(options.seed(), trainIds, valIds, start, baseline);
            checkpoint.write(runDir);
            WorkflowFile.write(out, start);
            say("baseline: " + baseline.describe());
        }
        Set<String> problemTexts = new java.util.HashSet<>();
        train.problems().forEach(p -> problemTexts.add(p.question()));
        SuggestionCheck suggestions = new SuggestionCheck(options.trainable(), problemTexts);
        OptoPrimeProposer optoPrime = new OptoPrimeProposer(scorer, optimizer, suggestions, options, progress);
        KnobProposer knobProposer = new KnobProposer(knobs, suggestions, options.trainable());
        while (true) {
            long wall = checkpoint.wallMillis() + (System.nanoTime() - session) / 1_000_000;
            String stop = stopReason(checkpoint, runDir, wall, validation.problems().size());
            if (stop != null) {
                checkpoint = checkpoint.stoppedBecause(stop, wall);
                checkpoint.write(runDir);
                writeReport(runDir, checkpoint);
                say("stopped: " + stop + "; " + checkpoint.currentScore().describe());
                return checkpoint;
            }
            int step = checkpoint.steps().size() + 1;
            say(progressBar(step, checkpoint, runDir));
            Workflow before = checkpoint.currentWorkflow();
            ValidationScore beforeScore = checkpoint.currentScore();
            StepOutcome outcome = step(step, checkpoint, train, validation, runDir, optoPrime, knobProposer);
            wall = checkpoint.wallMillis() + (System.nanoTime() - session) / 1_000_000;
            checkpoint = checkpoint.after(outcome.record(), outcome.current(), outcome.score(), wall);
            checkpoint.write(runDir);
            WorkflowFile.write(out, outcome.current().named(outcome.current().name(), outcome.current().description(), notes(checkpoint)));
            writeReport(runDir, checkpoint);
            if (outcome.record().kind().equals("knobs")) tellKnobs(outcome.record(), before, beforeScore);
        }
    }

    /** Tells the knob search how a knob step went: the candidate and its score, or (nothing applied) the workflow as it stood. */
    private void tellKnobs(StepRecord record, Workflow before, ValidationScore beforeScore) {
        if (record.validation() != null) knobs.tell(record.applied(), before.with(record.applied()), record.validation());
        else knobs.tell(Map.of(), before, beforeScore);
    }

    /** On resume: every recorded knob step told again, with the workflow it scored rebuilt from the start and the accepted steps. */
    private void replayKnobSteps(Checkpoint checkpoint) {
        Workflow current = checkpoint.startWorkflow();
        ValidationScore score = checkpoint.baseline();
        for (StepRecord s : checkpoint.steps()) {
            if (s.kind().equals("knobs")) tellKnobs(s, current, score);
            if (s.accepted()) {
                current = current.with(s.applied());
                score = s.validation();
            }
        }
    }

    private record StepOutcome(StepRecord record, Workflow current, ValidationScore score) { }

    /** Proposes (OptoPrime, or the knob search on knob steps), then gates: scored on validation, kept only if better. */
    private StepOutcome step(int step, Checkpoint checkpoint, Dataset train, Dataset validation, Path runDir, OptoPrimeProposer optoPrime,
                             KnobProposer knobProposer) {
        Workflow current = checkpoint.currentWorkflow();
        ValidationScore currentScore = checkpoint.currentScore();
        boolean knobStep = options.knobEvery() > 0 && step % options.knobEvery() == 0;
        Proposal proposal = knobStep ? knobProposer.propose(step, current)
                : optoPrime.propose(step, checkpoint, train, runDir.resolve("steps").resolve(String.valueOf(step)));
        if (knobStep) say("step " + step + " (knob search): proposes " + (proposal.raw().isEmpty() ? "nothing" : proposal.raw()));
        if (proposal.applied().isEmpty()) {
            say("step " + step + ": no valid change; the workflow stays");
            return new StepOutcome(proposal.record(step, List.of(), null, null, false), current, currentScore);
        }
        Workflow candidate = current.with(proposal.applied());
        say("step " + step + ": scoring the candidate on " + validation.problems().size() + " validation problems");
        ValidationScore score = scorer.score(candidate, validation, evalDir(runDir, candidate)).score();
        boolean accepted = score.betterThan(currentScore, options.minGain());
        say("step " + step + ": " + score.describe() + (accepted ? " — accepted" : " — rolled back (current: " + currentScore.describe() + ")"));
        StepRecord record = proposal.record(step, WorkflowDiff.between(current, candidate), candidate.checksum(), score, accepted);
        return accepted ? new StepOutcome(record, candidate, score) : new StepOutcome(record, current, currentScore);
    }

    private String stopReason(Checkpoint checkpoint, Path runDir, long wall, int validationSize) {
        if (checkpoint.steps().size() >= options.maxSteps()) return "reached " + options.maxSteps() + " steps";
        int sinceImprovement = 0;
        for (int k = checkpoint.steps().size() - 1; k >= 0 && !checkpoint.steps().get(k).accepted(); k--) sinceImprovement++;
        if (sinceImprovement >= options.patience()) return sinceImprovement + " steps without improvement";
        if (options.budgetWall() != null && wall >= options.budgetWall().toMillis()) return "wall-time budget spent";
        if (options.budgetCalls() > 0) {
            long spent = spentCalls(runDir);
            double perProblem = Math.max(1, checkpoint.currentScore().callsPerProblem());
            long next = Math.round(perProblem * (options.batchSize() + validationSize)) + 1;
            if (spent + next > options.budgetCalls()) {
                return "call budget: " + spent + " of " + options.budgetCalls() + " spent, a step needs about " + next;
            }
        }
        return null;
    }

    /** LLM calls spent so far, from the recordings: every agent result and every optimizer reply in the run directory. */
    public static long spentCalls(Path runDir) {
        if (!Files.isDirectory(runDir)) return 0;
        try (Stream<Path> files = Files.walk(runDir)) {
            long total = 0;
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (name.equals("results.jsonl")) {
                    total += ResultsFile.read(file).values().stream().mapToLong(ProblemResult::llmCalls).sum();
                } else if (name.equals("optimizer.json")) {
                    total += JSON.readTree(file.toFile()).path("calls").asLong();
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path evalDir(Path runDir, Workflow workflow) {
        return runDir.resolve("evals").resolve(workflow.checksum().substring(0, 12));
    }

    private static Map<String, Object> notes(Checkpoint checkpoint) {
        Map<String, Object> notes = new LinkedHashMap<>();
        notes.put("trainedBy", "optagent workflow optimize");
        notes.put("startedFrom", checkpoint.startWorkflow().checksum());
        notes.put("steps", checkpoint.steps().size());
        notes.put("baseline", checkpoint.baseline().describe());
        notes.put("validation", checkpoint.currentScore().describe());
        notes.put("validationProblems", checkpoint.validation().size());
        return notes;
    }

    private static void writeReport(Path runDir, Checkpoint checkpoint) {
        AtomicFile.writeText(runDir.resolve("report.md"), TrainingReport.markdown(checkpoint, spentCalls(runDir)));
    }

    /** {@code [####......] step 3/10 · 212/600 calls · validation strict 15/30 (50.0%)}: where the run stands. */
    private String progressBar(int step, Checkpoint checkpoint, Path runDir) {
        int width = 20;
        int filled = (step - 1) * width / options.maxSteps();
        long spent = spentCalls(runDir);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] step " + step + "/" + options.maxSteps() + " · " + spent
                + (options.budgetCalls() > 0 ? "/" + options.budgetCalls() : "") + " calls · current " + checkpoint.currentScore().describe();
    }

    private void say(String line) {
        progress.accept(line);
    }
}

package dev.optagent.workflow.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.Problem;
import dev.optagent.eval.FailureCategory;
import dev.optagent.eval.ProblemResult;
import dev.optagent.workflow.Fixtures;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowFile;
import dev.optagent.workflow.graph.TraceGraphs;
import dev.optagent.workflow.optoprime.ContextBudget;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerTest {

    private static final java.util.function.Consumer<String> QUIET = line -> { };
    private static final List<String> ALL = ParameterRegistry.defaults().all().stream().map(Parameter::name).toList();

    @TempDir
    Path dir;

    private final Dataset train = Fixtures.dataset("train", 6);
    private final Dataset validation = Fixtures.dataset("val", 4);
    /** Scorings the fake scorer did, and a scoring at which it fails as a killed process would. */
    private final AtomicInteger scorings = new AtomicInteger();
    private int failAt = -1;

    /**
     * A deterministic stand-in for the agent: a workflow with 4 repair rounds answers every problem, 3 (the
     * default) answers half, fewer answers none. Each problem costs one call per repair round plus one.
     */
    private Scorer scorer() {
        return (workflow, problems, out) -> {
            if (scorings.incrementAndGet() == failAt) throw new IllegalStateException("killed");
            int rounds = (Integer) workflow.value(ParameterRegistry.REPAIR_ROUNDS);
            List<ProblemResult> results = new ArrayList<>();
            List<Problem> list = problems.problems();
            for (int k = 0; k < list.size(); k++) {
                boolean right = rounds >= 4 || rounds == 3 && k % 2 == 0;
                results.add(new ProblemResult(list.get(k).id(), "test", "ILP", false, right ? AgentStatus.OPTIMAL : AgentStatus.SOLVER_ERROR,
                        right ? 48.0 : null, 48.0, right, right, null, right ? FailureCategory.NONE : FailureCategory.SOLVER_ERROR, rounds,
                        rounds + 1, 1000, 100, 10, right ? null : "no verified answer", 1.0, 0, null, null));
            }
            try {
                Files.createDirectories(out);
                Files.writeString(out.resolve("results.jsonl"), String.join("\n", results.stream().map(TrainerTest::json).toList()) + "\n");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new Scorer.Scored(results, results.stream().map(r -> TraceGraphs.of(Fixtures.BAGS, List.of(), r)).toList());
        };
    }

    private static String json(ProblemResult r) {
        try {
            return new ObjectMapper().writeValueAsString(r);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String suggest(String json) {
        return "```json\n{\"reasoning\": \"the failures ran out of repair rounds\", \"answer\": \"change\", \"suggestion\": " + json + "}\n```";
    }

    private Trainer trainer(ScriptedChatModel optimizer, int steps, int budgetCalls) {
        TrainerOptions options = new TrainerOptions(2, steps, budgetCalls, null, 5, 7, ContextBudget.defaults(), ALL, 0, 5);
        return new Trainer(scorer(), new LlmClient(optimizer, 1, Duration.ZERO, Duration.ofSeconds(10)), new RandomKnobSearch(7), options, QUIET);
    }

    @Test
    void anUpdateThatBreaksAPlaceholderIsRefused() throws Exception {
        String broken = ((String) Workflow.defaults().value(ParameterRegistry.REPAIR_INSTRUCTIONS)).replace("{{language}}", "");
        ScriptedChatModel optimizer = ScriptedChatModel.of(suggest("{\"repair.instructions\": " + quote(broken) + "}"));
        Path out = dir.resolve("wf.json");
        Checkpoint result = trainer(optimizer, 1, 0).run(Workflow.defaults(), train, validation, dir.resolve("run"), out);
        StepRecord step = result.steps().getFirst();
        assertTrue(step.refused().getFirst().contains("must keep exactly the placeholders {{language}}"), step.refused().toString());
        assertNull(step.validation(), "a refused update is never scored");
        assertEquals(2, scorings.get(), "baseline and the minibatch only");
        assertEquals(Workflow.defaults().checksum(), WorkflowFile.read(out).checksum());
    }

    @Test
    void anUpdateThatLowersValidationIsRolledBackAndABetterOneAccepted() throws Exception {
        ScriptedChatModel optimizer = ScriptedChatModel.of(suggest("{\"repair.rounds\": 1}"), suggest("{\"repair.rounds\": 4}"));
        Path out = dir.resolve("wf.json");
        Checkpoint result = trainer(optimizer, 2, 0).run(Workflow.defaults(), train, validation, dir.resolve("run"), out);
        assertEquals(2, result.baseline().correct());
        StepRecord worse = result.steps().get(0);
        assertEquals(0, worse.validation().correct());
        assertFalse(worse.accepted(), "rolled back");
        assertTrue(worse.changes().contains("repair.rounds: 3 → 1"));
        StepRecord better = result.steps().get(1);
        assertTrue(better.accepted());
        assertEquals(4, result.currentScore().correct());
        assertEquals(4, WorkflowFile.read(out).value(ParameterRegistry.REPAIR_ROUNDS));
        assertTrue(optimizer.requests().get(1).messages().toString().contains("step 1: repair.rounds = 1 → strict 0/4"),
                "the second prompt remembers the first candidate");
        assertTrue(Files.readString(dir.resolve("run/report.md").toAbsolutePath()).contains("rolled back"), "report written");
    }

    @Test
    void aKilledRunResumesFromItsCheckpointWithoutAskingAgain() throws Exception {
        Path run = dir.resolve("run");
        Path out = dir.resolve("wf.json");
        ScriptedChatModel first = ScriptedChatModel.of(suggest("{\"repair.rounds\": 1}"), suggest("{\"repair.rounds\": 4}"));
        failAt = 5; // baseline, step 1 batch, step 1 candidate, step 2 batch, then step 2's candidate scoring dies
        assertThrows(IllegalStateException.class, () -> trainer(first, 3, 0).run(Workflow.defaults(), train, validation, run, out));
        Checkpoint killed = Checkpoint.read(run);
        assertEquals(1, killed.steps().size(), "step 1 was checkpointed");
        assertTrue(Files.isRegularFile(run.resolve("steps/2/optimizer.json")), "step 2's reply was recorded before use");

        failAt = -1;
        ScriptedChatModel second = ScriptedChatModel.of(suggest("{\"samples\": 1}"));
        Checkpoint resumed = trainer(second, 3, 0).run(Workflow.defaults(), train, validation, run, out);
        assertEquals(3, resumed.steps().size());
        assertTrue(resumed.steps().get(1).accepted(), "step 2 finished from the recorded reply");
        assertEquals(1, second.requests().size(), "only step 3 asked the optimizer");
        assertEquals(killed.steps().getFirst(), resumed.steps().getFirst());
        assertEquals(4, WorkflowFile.read(out).value(ParameterRegistry.REPAIR_ROUNDS));
        assertEquals("reached 3 steps", resumed.stopped());
        assertThrows(IllegalArgumentException.class, () -> trainer(second, 3, 0).run(Workflow.defaults(), Fixtures.dataset("other", 6),
                validation, run, out), "a run directory is not resumed with other problems");
    }

    @Test
    void theCallBudgetStopsTheRun() {
        // The baseline spends 4 problems x 4 calls; a step needs about (2 + 4) x 4 + 1 more.
        Checkpoint result = trainer(ScriptedChatModel.of(), 5, 30).run(Workflow.defaults(), train, validation, dir.resolve("run"), dir.resolve("wf.json"));
        assertTrue(result.stopped().startsWith("call budget: 16 of 30 spent"), result.stopped());
        assertTrue(result.steps().isEmpty());
    }

    @Test
    void minibatchesAreSeededAndCoverTheTrainingSet() {
        List<String> ids = train.problems().stream().map(Problem::id).toList();
        List<String> epoch = new ArrayList<>();
        for (int step = 1; step <= 3; step++) epoch.addAll(OptoPrimeProposer.batch(ids, step, 2, 7));
        assertEquals(java.util.Set.copyOf(ids), java.util.Set.copyOf(epoch), "three batches of 2 are one epoch of 6");
        assertEquals(OptoPrimeProposer.batch(ids, 2, 2, 7), OptoPrimeProposer.batch(ids, 2, 2, 7));
        assertTrue(!OptoPrimeProposer.batch(ids, 4, 2, 7).isEmpty(), "a second epoch is drawn");
    }

    @Test
    void ofEquallyAccurateWorkflowsTheCheaperWins() {
        ValidationScore base = new ValidationScore(10, 12, 20, 1.5, 5000);
        assertTrue(new ValidationScore(10, 12, 20, 1.2, 4000).betterThan(base));
        assertFalse(new ValidationScore(10, 12, 20, 1.5, 4900).betterThan(base), "within the margin is no improvement");
        assertTrue(new ValidationScore(11, 11, 20, 3, 9000).betterThan(base), "accuracy comes first");
        assertFalse(base.betterThan(base));
        assertFalse(new ValidationScore(11, 12, 20, 1.5, 4000).betterThan(base, 2), "one more right is within the noise margin");
        assertFalse(new ValidationScore(10, 12, 20, 1.0, 1000).betterThan(base, 2), "with a margin, cheaper alone is not enough");
        assertTrue(new ValidationScore(12, 12, 20, 3, 9000).betterThan(base, 2));
    }

    @Test
    void aGainBelowTheMarginIsRolledBack() throws Exception {
        // Baseline 2/4; repair.rounds 4 scores 4/4, a gain of 2, which a margin of 3 does not accept.
        TrainerOptions options = new TrainerOptions(2, 1, 0, null, 5, 7, ContextBudget.defaults(), ALL, 0, 5, 0, 3);
        Trainer strict = new Trainer(scorer(), new LlmClient(ScriptedChatModel.of(suggest("{\"repair.rounds\": 4}")), 1, Duration.ZERO,
                Duration.ofSeconds(10)), new RandomKnobSearch(7), options, QUIET);
        Checkpoint result = strict.run(Workflow.defaults(), train, validation, dir.resolve("run"), dir.resolve("wf.json"));
        assertEquals(4, result.steps().getFirst().validation().correct());
        assertFalse(result.steps().getFirst().accepted());
        assertEquals(3, WorkflowFile.read(dir.resolve("wf.json")).value(ParameterRegistry.REPAIR_ROUNDS));
    }

    @Test
    void theAgentScorerBuildsGraphsFromRealTraces() throws Exception {
        // The agent runs for real (scripted replies, one problem at a time): baseline right, minibatch run wrong.
        ScriptedChatModel agent = ScriptedChatModel.of(Fixtures.RIGHT, Fixtures.TYPO, Fixtures.WRONG);
        ScriptedChatModel optimizer = ScriptedChatModel.of(suggest("{\"repair.temperature\": 0.0}"));
        TrainerOptions options = new TrainerOptions(1, 1, 0, null, 3, 7, ContextBudget.defaults(), ALL, 0, 5);
        Trainer trainer = new Trainer(new AgentScorer(agent, AgentConfig.defaults(), 1, Duration.ofMinutes(1)),
                new LlmClient(optimizer, 1, Duration.ZERO, Duration.ofSeconds(10)), new RandomKnobSearch(7), options, QUIET);
        Path run = dir.resolve("run");
        Checkpoint result = trainer.run(Workflow.defaults(), Fixtures.dataset("train", 1), Fixtures.dataset("val", 1), run, dir.resolve("wf.json"));
        assertEquals(1, result.baseline().correct());
        assertEquals(0, result.steps().getFirst().batchScore().correct());
        assertTrue(result.steps().getFirst().refused().isEmpty());
        assertNull(result.steps().getFirst().validation(), "suggesting the current value is no change");
        String prompt = optimizer.requests().getFirst().messages().toString();
        assertTrue(prompt.contains("formulate_0 = formulate("), prompt);
        assertTrue(prompt.contains("repair_1 = repair(findings=check_0.findings, formulation=check_0.formulation, problem=problem"), prompt);
        assertTrue(prompt.contains("WRONG: predicted 40 (OPTIMAL), gold 48; 1 repair round(s), 2 LLM call(s)"), prompt);
        assertTrue(prompt.contains("proft"), "the failing check's finding is in #Others");
        assertEquals(4, Trainer.spentCalls(run), "3 agent calls and 1 optimizer call, counted from the recordings");
        assertEquals(0, agent.remaining());

        // Replay: without the checkpoint, the recordings alone reproduce the run, and no model is asked anything.
        Files.delete(Checkpoint.file(run));
        ScriptedChatModel silent = ScriptedChatModel.of();
        Trainer replay = new Trainer(new AgentScorer(silent, AgentConfig.defaults(), 1, Duration.ofMinutes(1)),
                new LlmClient(silent, 1, Duration.ZERO, Duration.ofSeconds(10)), new RandomKnobSearch(7), options, QUIET);
        Checkpoint replayed = replay.run(Workflow.defaults(), Fixtures.dataset("train", 1), Fixtures.dataset("val", 1), run, dir.resolve("wf.json"));
        assertTrue(silent.requests().isEmpty());
        assertEquals(result.steps(), replayed.steps());
        assertEquals(result.baseline(), replayed.baseline());
    }

    @Test
    void anOutageIsNotScoredAsWrongAnswers() {
        ScriptedChatModel down = new ScriptedChatModel().fail(() -> new dev.langchain4j.exception.AuthenticationException("bad key"));
        TrainerOptions options = new TrainerOptions(1, 1, 0, null, 3, 7, ContextBudget.defaults(), ALL, 0, 5);
        Path run = dir.resolve("run");
        Trainer failing = new Trainer(new AgentScorer(down, AgentConfig.defaults(), 1, Duration.ofMinutes(1)),
                new LlmClient(down, 1, Duration.ZERO, Duration.ofSeconds(10)), new RandomKnobSearch(7), options, QUIET);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> failing.run(Workflow.defaults(),
                Fixtures.dataset("train", 1), Fixtures.dataset("val", 1), run, dir.resolve("wf.json")));
        assertTrue(e.getMessage().contains("could not be reached on 1 of 1 problems"), e.getMessage());
        assertNull(Checkpoint.read(run), "no baseline was recorded from an outage");

        ScriptedChatModel up = ScriptedChatModel.of(Fixtures.RIGHT, Fixtures.RIGHT, suggest("{}"));
        Trainer resumed = new Trainer(new AgentScorer(up, AgentConfig.defaults(), 1, Duration.ofMinutes(1)),
                new LlmClient(up, 1, Duration.ZERO, Duration.ofSeconds(10)), new RandomKnobSearch(7), options, QUIET);
        Checkpoint result = resumed.run(Workflow.defaults(), Fixtures.dataset("train", 1), Fixtures.dataset("val", 1), run, dir.resolve("wf.json"));
        assertEquals(1, result.baseline().correct(), "the baseline was asked again once the model was back, and scored right");
        assertEquals(0, up.remaining());
    }

    private static String quote(String text) throws Exception {
        return new ObjectMapper().writeValueAsString(text);
    }
    /** Only {@code failing} fails: a minibatch of 2 that misses it shows the optimizer nothing to learn from. */
    private Scorer failsOnlyOn(String failing, List<String> scored) {
        return (workflow, problems, out) -> {
            List<ProblemResult> results = new ArrayList<>();
            for (Problem p : problems.problems()) {
                scored.add(p.id());
                boolean right = !p.id().equals(failing);
                results.add(new ProblemResult(p.id(), "test", "ILP", false, right ? AgentStatus.OPTIMAL : AgentStatus.SOLVER_ERROR,
                        right ? 48.0 : null, 48.0, right, right, null, right ? FailureCategory.NONE : FailureCategory.SOLVER_ERROR, 0,
                        1, 1000, 100, 10, right ? null : "no verified answer", 1.0, 0, null, null));
            }
            return new Scorer.Scored(results, results.stream().map(r -> TraceGraphs.of(Fixtures.BAGS, List.of(), r)).toList());
        };
    }

    @Test
    void failureMiningRunsFurtherMinibatchesUntilTheOptimizerSeesAFailureAndShowsItFirst() throws Exception {
        List<String> trainIds = train.problems().stream().map(Problem::id).toList();
        List<String> first = OptoPrimeProposer.batch(trainIds, 1, 2, 7);
        String failing = OptoPrimeProposer.batch(trainIds, 2, 2, 7).stream().filter(id -> !first.contains(id)).findFirst().orElseThrow();

        ScriptedChatModel plain = ScriptedChatModel.of("```json\n{\"reasoning\": \"all right\", \"answer\": \"no change\", \"suggestion\": {}}\n```");
        List<String> plainScored = new ArrayList<>();
        new Trainer(failsOnlyOn(failing, plainScored), new LlmClient(plain, 1, Duration.ZERO, Duration.ofSeconds(10)), new RandomKnobSearch(7),
                new TrainerOptions(2, 1, 0, null, 5, 7, ContextBudget.defaults(), ALL, 0, 5), QUIET)
                .run(Workflow.defaults(), train, validation, dir.resolve("plain"), dir.resolve("plain.json"));
        assertFalse(plain.requests().getFirst().messages().toString().contains("WRONG"), "one minibatch, all right: nothing to learn from");

        ScriptedChatModel mined = ScriptedChatModel.of("```json\n{\"reasoning\": \"one failure\", \"answer\": \"no change\", \"suggestion\": {}}\n```");
        List<String> minedScored = new ArrayList<>();
        Checkpoint result = new Trainer(failsOnlyOn(failing, minedScored), new LlmClient(mined, 1, Duration.ZERO, Duration.ofSeconds(10)),
                new RandomKnobSearch(7), new TrainerOptions(2, 1, 0, null, 5, 7, ContextBudget.defaults(), ALL, 0, 5, 1, 1), QUIET)
                .run(Workflow.defaults(), train, validation, dir.resolve("mined"), dir.resolve("mined.json"));
        String prompt = mined.requests().getFirst().messages().toString();
        assertTrue(prompt.contains("[run 1: " + failing + "]"), "the failure is shown first");
        assertTrue(prompt.contains("WRONG"));
        List<String> batchIds = result.steps().getFirst().batch();
        assertTrue(batchIds.size() > 2 && batchIds.size() <= 2 * TrainerOptions.MINING_SLICES && batchIds.contains(failing), batchIds.toString());
        assertEquals(4, batchIds.size(), "stops at the first slice with a failure: the second");
        List<String> ranBatches = minedScored.subList(validation.problems().size(), minedScored.size());
        assertEquals(4, ranBatches.size());
        assertEquals(java.util.Set.copyOf(batchIds), java.util.Set.copyOf(ranBatches));
    }
}

package dev.optagent.workflow.train;

import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.Problem;
import dev.optagent.eval.FailureCategory;
import dev.optagent.eval.ProblemResult;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.llm.ChatCall;
import dev.optagent.tuning.llm.LlmWarmStart;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.Trial;
import dev.optagent.workflow.Fixtures;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.optoprime.ContextBudget;
import dev.optagent.workflow.param.ParameterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Bayesian knob search inside the real trainer, every step a knob step, against a deterministic fake evaluation. */
class BayesianKnobSearchTest {

    private static final List<String> KNOBS = List.of(ParameterRegistry.FORMULATE_TEMPERATURE, ParameterRegistry.REPAIR_ROUNDS,
            ParameterRegistry.SAMPLES);
    private static final int STEPS = 14;

    @TempDir
    Path dir;

    private final Dataset train = Fixtures.dataset("train", 4);
    private final Dataset validation = Fixtures.dataset("val", 40);
    private final AtomicInteger scorings = new AtomicInteger();
    private int failAt = -1;

    /**
     * A stand-in for the agent on 40 validation problems: the share answered right peaks at temperature 0.35,
     * 4 repair rounds and 3 samples; each problem costs one call per sample and per repair round.
     */
    private Scorer scorer() {
        return (workflow, problems, out) -> {
            if (scorings.incrementAndGet() == failAt) throw new IllegalStateException("killed");
            double t = ((Number) workflow.value(ParameterRegistry.FORMULATE_TEMPERATURE)).doubleValue();
            int rounds = (Integer) workflow.value(ParameterRegistry.REPAIR_ROUNDS);
            int samples = (Integer) workflow.value(ParameterRegistry.SAMPLES);
            double share = 0.95 - 1.5 * (t - 0.35) * (t - 0.35) - 0.06 * Math.abs(rounds - 4) - 0.04 * Math.abs(samples - 3);
            List<Problem> list = problems.problems();
            List<ProblemResult> results = new ArrayList<>();
            for (int k = 0; k < list.size(); k++) {
                boolean right = k < share * list.size();
                results.add(new ProblemResult(list.get(k).id(), "test", "ILP", false, right ? AgentStatus.OPTIMAL : AgentStatus.SOLVER_ERROR,
                        right ? 48.0 : null, 48.0, right, right, null, right ? FailureCategory.NONE : FailureCategory.SOLVER_ERROR, rounds,
                        samples + rounds, 1000, 100, 10, right ? null : "no verified answer", 1.0, 0, null, null));
            }
            return new Scorer.Scored(results, List.of());
        };
    }

    private Trainer trainer(KnobSearch search) {
        TrainerOptions options = new TrainerOptions(2, STEPS, 0, null, STEPS, 7, ContextBudget.defaults(), KNOBS, 1, 5);
        return new Trainer(scorer(), new LlmClient(ScriptedChatModel.of(), 1, Duration.ZERO, Duration.ofSeconds(5)), search, options, line -> { });
    }

    private static BayesianKnobSearch bayes(InitialDesign design, Path study) {
        return new BayesianKnobSearch(KnobSearch.knobs(KNOBS), design, 4, 7, KnobObjective.defaults(), study);
    }

    private static double objective(Checkpoint c) {
        return KnobObjective.defaults().value(c.currentScore());
    }

    @Test
    void itFindsBetterKnobsThanTheRandomSearchWithTheSameSteps() {
        BayesianKnobSearch search = bayes(InitialDesign.sobol(), dir.resolve("b").resolve("knobs.study.json"));
        Checkpoint bayes = trainer(search).run(Workflow.defaults(), train, validation, dir.resolve("b"), dir.resolve("b.json"));
        Checkpoint random = trainer(new RandomKnobSearch(7)).run(Workflow.defaults(), train, validation, dir.resolve("r"), dir.resolve("r.json"));

        assertEquals(STEPS, bayes.steps().size());
        assertTrue(objective(bayes) > objective(random), "bayes " + bayes.currentScore().describe() + " vs random " + random.currentScore().describe());
        assertTrue(objective(bayes) >= 0.80, bayes.currentScore().describe());
        Study study = search.study();
        assertEquals(STEPS, study.trials().size(), "one trial per knob step, none counted twice");
        assertTrue(study.trials().stream().noneMatch(t -> t.state() == Trial.TrialState.PENDING));
        assertTrue(study.trials().stream().map(Trial::source).toList().containsAll(List.of("sobol", "ei")));
    }

    @Test
    void theLanguageModelsFirstProposalsAreUsedAndAKilledRunResumesWithoutAskingIt() {
        ScriptedChatModel model = ScriptedChatModel.of("""
                Moderate temperature, the default repair rounds, few samples.
                ```json
                {"configurations": [
                  {"formulate.temperature": 0.3, "repair.rounds": 4, "samples": 3},
                  {"formulate.temperature": 0.0, "repair.rounds": 2, "samples": 1},
                  {"formulate.temperature": 0.7, "repair.rounds": 5, "samples": 5},
                  {"formulate.temperature": 0.5, "repair.rounds": 3, "samples": 2}]}
                ```""");
        Path run = dir.resolve("llm");
        Path study = run.resolve("knobs.study.json");
        // Killed while scoring the 6th candidate (scoring 1 is the baseline).
        failAt = 7;
        BayesianKnobSearch first = bayes(new LlmWarmStart(ChatCall.of(new LlmClient(model, 1, Duration.ZERO, Duration.ofSeconds(5)), 0.7), 3), study);
        assertThrows(IllegalStateException.class, () -> trainer(first).run(Workflow.defaults(), train, validation, run, dir.resolve("llm.json")));
        assertEquals(0, model.remaining());

        // The resumed run gets a model with nothing to say: the warm start is read from the study, never asked again.
        failAt = -1;
        ScriptedChatModel silent = ScriptedChatModel.of();
        BayesianKnobSearch resumed = bayes(new LlmWarmStart(ChatCall.of(new LlmClient(silent, 1, Duration.ZERO, Duration.ofSeconds(5)), 0.7), 3), study);
        Checkpoint done = trainer(resumed).run(Workflow.defaults(), train, validation, run, dir.resolve("llm.json"));
        assertEquals(STEPS, done.steps().size());
        Study s = resumed.study();
        assertEquals(List.of("llm", "llm", "llm", "llm"), s.trials().subList(0, 4).stream().map(Trial::source).toList());
        assertEquals(0.3, ((Number) s.trials().get(0).config().get(ParameterRegistry.FORMULATE_TEMPERATURE)).doubleValue(), 1e-12);
        assertEquals(1, s.warmStart().size(), "the model's exchange is kept with the study");
        assertTrue(s.warmStart().getFirst().user().contains("formulate.temperature: a real number in [0.0, 1.2]"), s.warmStart().getFirst().user());
        assertEquals(STEPS, s.trials().size(), "the step repeated after the kill is the same trial, not a new one");

        // The same run without the kill asks the same trials.
        failAt = -1;
        ScriptedChatModel again = ScriptedChatModel.of(s.warmStart().getFirst().reply());
        BayesianKnobSearch straight = bayes(new LlmWarmStart(ChatCall.of(new LlmClient(again, 1, Duration.ZERO, Duration.ofSeconds(5)), 0.7), 3),
                dir.resolve("straight").resolve("knobs.study.json"));
        trainer(straight).run(Workflow.defaults(), train, validation, dir.resolve("straight"), dir.resolve("straight.json"));
        assertEquals(s.trials().stream().map(Trial::config).toList(), straight.study().trials().stream().map(Trial::config).toList());
    }
}

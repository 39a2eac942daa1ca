package dev.optagent.tuning.llm;

import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.tuning.Optimizer;
import dev.optagent.tuning.design.DesignContext;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.design.Proposal;
import dev.optagent.tuning.space.BooleanParameter;
import dev.optagent.tuning.space.CategoricalParameter;
import dev.optagent.tuning.space.Condition;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.IntParameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class LlmWarmStartTest {

    @TempDir
    Path dir;

    private final SearchSpace space = SearchSpace.of(
            new IntParameter("num_workers", 1, 8, false, "parallel search workers", null),
            new CategoricalParameter("presolve", List.of("off", "fast", "aggressive"), "presolve effort", null),
            BooleanParameter.of("symmetry"),
            new FloatParameter("gap", 1e-4, 1e-1, true, "relative gap to stop at", new Condition("symmetry", List.of(true))));
    private final ProblemDescription description = new ProblemDescription("the CP-SAT solver on a weekly job-shop model",
            "seconds to a proven optimum", Direction.MINIMIZE, "40 jobs, 6 machines, big-M disjunctions");

    private static ChatCall scripted(ScriptedChatModel model) {
        return ChatCall.of(new LlmClient(model, 1, Duration.ZERO, Duration.ofSeconds(5)), 0.7);
    }

    @Test
    void thePromptDescribesEveryParameterAndTheReplyIsReadTolerantly() {
        ScriptedChatModel model = ScriptedChatModel.of("""
                Fewer workers avoid contention on a small machine; presolve pays off on big-M models.
                ```json
                {"configurations": [
                  {"num_workers": 2, "presolve": "Aggressive", "symmetry": false},   // comments are fine
                  {"num_workers": "4", "presolve": "fast", "symmetry": true, "gap": 0.001},
                  {'num_workers': 8, 'presolve': 'off', 'symmetry': 'no'},
                ]}
                ```""");
        Proposal p = new LlmWarmStart(scripted(model), 3).propose(new DesignContext(space, description, 0), 3);
        assertEquals(3, p.configurations().size());
        assertEquals("aggressive", p.configurations().get(0).get("presolve"));
        assertEquals(4L, p.configurations().get(1).get("num_workers"));
        String user = p.exchanges().get(0).user();
        assertTrue(user.contains("- num_workers: an integer in [1, 8]. parallel search workers"), user);
        assertTrue(user.contains("- gap: a real number in [1.0E-4, 0.1] (log scale). relative gap to stop at (only when symmetry is true)"), user);
        assertTrue(user.contains("Metric: seconds to a proven optimum — minimize it."), user);
        assertTrue(user.contains("40 jobs, 6 machines"), user);
        assertTrue(user.contains("Propose 3 diverse, promising configurations."), user);
        assertEquals(LlmWarmStart.PROMPT, p.exchanges().get(0).prompt());
        assertEquals(1, model.requests().size());
    }

    @Test
    void invalidAndDuplicateConfigurationsAreDroppedAndReAskedWithinTheBudget() {
        ScriptedChatModel model = ScriptedChatModel.of(
                "[{\"num_workers\": 16, \"presolve\": \"fast\", \"symmetry\": false},"
                        + " {\"num_workers\": 2, \"presolve\": \"fast\", \"symmetry\": false},"
                        + " {\"num_workers\": 2, \"presolve\": \"fast\", \"symmetry\": false}]",
                "I cannot think of more.",
                "{\"configurations\": [{\"num_workers\": 3, \"presolve\": \"off\", \"symmetry\": true, \"gap\": 0.01}]}");
        Proposal p = new LlmWarmStart(scripted(model), 3).propose(new DesignContext(space, description, 0), 3);
        assertEquals(2, p.configurations().size(), "two valid, distinct configurations after three calls");
        assertEquals(3, p.exchanges().size());
        List<String> dropped = p.exchanges().get(0).dropped();
        assertTrue(dropped.get(0).contains("'16' is not an integer in [1, 8]"), dropped.toString());
        assertTrue(dropped.get(1).contains("repeats an accepted configuration"), dropped.toString());
        assertEquals(List.of("the reply holds no configurations in the asked JSON format"), p.exchanges().get(1).dropped());
        String retry = model.requests().get(1).messages().get(1).toString();
        assertTrue(retry.contains("'16' is not an integer in [1, 8]") && retry.contains("Propose 2 more configurations"), retry);
    }

    @Test
    void theWarmStartIsKeptInTheStudyAndNeverAskedAgainOnResume() {
        ScriptedChatModel model = ScriptedChatModel.of("{\"configurations\": [{\"num_workers\": 1, \"presolve\": \"fast\", \"symmetry\": false},"
                + "{\"num_workers\": 6, \"presolve\": \"aggressive\", \"symmetry\": true, \"gap\": 0.05}]}");
        StudyFile file = new StudyFile(dir.resolve("s.json"));
        Optimizer optimizer = Optimizer.builder(space).description(description).initialDesign(new LlmWarmStart(scripted(model), 2))
                .initialTrials(2).studyFile(file).build();
        Trial first = optimizer.ask();
        assertEquals("llm", first.source());
        optimizer.tell(first, 10);
        Optimizer resumed = Optimizer.resume(file, new LlmWarmStart((s, u) -> fail("the model must not be asked again"), 1));
        Trial second = resumed.ask();
        assertEquals("llm", second.source());
        assertEquals(6L, second.config().get("num_workers"));
        assertEquals(1, resumed.study().warmStart().size());
        assertTrue(resumed.study().warmStart().get(0).reply().contains("aggressive"));
        assertEquals("random", resumed.ask().source(), "past a short warm start the next trial is labelled for what it is");
    }

    @Test
    void aRecordingReplaysPerSeedAndRefusesAChangedPrompt() {
        ScriptedChatModel model = ScriptedChatModel.of(
                "[{\"num_workers\": 1, \"presolve\": \"fast\", \"symmetry\": false}]",
                "[{\"num_workers\": 5, \"presolve\": \"off\", \"symmetry\": false}]");
        List<List<ModelExchange>> runs = List.of(
                new LlmWarmStart(scripted(model), 1).propose(new DesignContext(space, description, 0), 1).exchanges(),
                new LlmWarmStart(scripted(model), 1).propose(new DesignContext(space, description, 1), 1).exchanges());
        WarmStartRecording recording = new WarmStartRecording("jobshop", "scripted", runs);
        recording.write(dir.resolve("rec.json"));
        WarmStartRecording read = WarmStartRecording.read(dir.resolve("rec.json"));
        for (int seed = 0; seed < 4; seed++) {
            Proposal p = new LlmWarmStart(read.replay(seed), 1).propose(new DesignContext(space, description, seed), 1);
            assertEquals(seed % 2 == 0 ? 1L : 5L, p.configurations().get(0).get("num_workers"));
        }
        ProblemDescription changed = new ProblemDescription("another model", description.metric(), Direction.MINIMIZE, "");
        var e = assertThrows(IllegalStateException.class,
                () -> new LlmWarmStart(read.replay(0), 1).propose(new DesignContext(space, changed, 0), 1));
        assertTrue(e.getMessage().contains("record again"), e.getMessage());
    }
}

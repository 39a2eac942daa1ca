package dev.optagent.tuning.llm;

import dev.optagent.tuning.Optimizer;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.space.CategoricalParameter;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** LLAMBO's target-conditioned sampler as the second proposal source, with a scripted model. */
class LlmCandidateSamplerTest {

    @TempDir
    Path dir;

    private final SearchSpace space = SearchSpace.of(new FloatParameter("ratio", 0, 1, false, "mixing ratio", null),
            CategoricalParameter.of("catalyst", "a", "b"));
    private final ProblemDescription description = new ProblemDescription("a batch reactor", "yield in percent", Direction.MAXIMIZE, "");

    private static double measured(Trial t) {
        double r = t.config().number("ratio");
        return 90 - 100 * (r - 0.62) * (r - 0.62) - ("a".equals(t.config().get("catalyst")) ? 10 : 0);
    }

    @Test
    void everyOtherTrialAfterTheDesignIsTheModelsCandidateOfHighestEi() {
        List<String> prompts = new ArrayList<>();
        ChatCall model = (system, user) -> {
            prompts.add(user);
            return new ChatCall.Reply("""
                    The best trials used catalyst b; a ratio near 0.6 should reach the target.
                    ```json
                    {"configurations": [{"ratio": 0.6, "catalyst": "b"}, {"ratio": 1.4, "catalyst": "b"}, {"ratio": 0.05, "catalyst": "a"}]}
                    ```""", 100, 50);
        };
        StudyFile file = new StudyFile(dir.resolve("reactor.json"));
        Optimizer optimizer = Optimizer.builder(space).description(description).initialDesign(InitialDesign.sobol()).initialTrials(4).seed(2)
                .candidateSampler(new LlmCandidateSampler(model, 1), 3, 0.1).studyFile(file).build();
        for (int k = 0; k < 7; k++) {
            Trial t = optimizer.ask();
            optimizer.tell(t, measured(t));
        }
        List<Trial> trials = optimizer.study().trials();
        assertEquals(List.of("sobol", "sobol", "sobol", "sobol"), trials.subList(0, 4).stream().map(Trial::source).toList());
        // Trials 4 and 6 are the sampler's turns; 5 is the acquisition search's. Trial 6 cannot repeat 0.6 (tried), so it
        // takes the remaining valid candidate of higher EI.
        assertEquals("llm-sampler", trials.get(4).source());
        assertEquals(0.6, trials.get(4).config().number("ratio"), 1e-12);
        assertEquals("ei", trials.get(5).source());
        assertEquals("llm-sampler", trials.get(6).source());
        assertEquals("a", trials.get(6).config().get("catalyst"));
        assertEquals(2, prompts.size(), "one call per sampler turn (a call budget of 1)");

        String first = prompts.getFirst();
        double best = trials.subList(0, 4).stream().mapToDouble(LlmCandidateSamplerTest::measured).max().orElseThrow();
        double worst = trials.subList(0, 4).stream().mapToDouble(LlmCandidateSamplerTest::measured).min().orElseThrow();
        assertTrue(first.contains("Best so far: " + String.format(java.util.Locale.ROOT, "%.6g", best)), first);
        assertTrue(first.contains("Target: " + String.format(java.util.Locale.ROOT, "%.6g", best + 0.1 * (best - worst))),
                "maximising: the target is above the best by a tenth of the range: " + first);
        assertTrue(first.contains("\"catalyst\":\"" + trials.get(0).config().get("catalyst") + "\"") && first.contains(" → "), first);
        assertTrue(first.contains("ratio: a real number in [0.0, 1.0]. mixing ratio"), first);

        var exchanges = optimizer.study().samplerExchanges();
        assertEquals(2, exchanges.size());
        assertTrue(exchanges.get(0).dropped().stream().anyMatch(d -> d.contains("parameter 'ratio'")), exchanges.get(0).dropped().toString());
        assertTrue(exchanges.get(1).dropped().stream().anyMatch(d -> d.contains("was tried already")), exchanges.get(1).dropped().toString());
        assertEquals(LlmCandidateSampler.PROMPT, exchanges.get(0).prompt());
        // The exchanges survive in the study file.
        assertEquals(2, file.load().samplerExchanges().size());
    }

    @Test
    void theBenchmarkRunsWithTheSamplerPerSeed() {
        List<String> prompts = new ArrayList<>();
        ChatCall model = (system, user) -> {
            prompts.add(user);
            return new ChatCall.Reply("```json\n{\"configurations\": [{\"x1\": 3.1, \"x2\": 2.3}, {\"x1\": -3.1, \"x2\": 12.2}]}\n```", 1, 1);
        };
        var task = dev.optagent.tuning.bench.TestFunctions.branin();
        var result = dev.optagent.tuning.bench.Benchmark.run(task, "sobol+llm-sampler", seed -> InitialDesign.sobol(),
                seed -> new LlmCandidateSampler(model, 1), 4, 8, 1, 0);
        assertEquals(8, result.bestByTrial().size());
        assertEquals(2, prompts.size(), "trials 4 and 6 are the sampler's");
        assertTrue(result.bestByTrial().get(7) < 1.0, "the model's candidate near the optimum (3.14, 2.28) was measured: " + result.bestByTrial());
    }

    @Test
    void aFailingModelLeavesTheAcquisitionSearchsChoice() {
        ChatCall down = (system, user) -> {
            throw new IllegalStateException("the model did not answer");
        };
        Optimizer optimizer = Optimizer.builder(space).description(description).initialTrials(3).seed(1)
                .candidateSampler(new LlmCandidateSampler(down, 1), 3, 0.1).build();
        for (int k = 0; k < 5; k++) {
            Trial t = optimizer.ask();
            optimizer.tell(t, measured(t));
        }
        assertEquals("ei", optimizer.study().trials().get(4).source());
        assertTrue(optimizer.study().samplerExchanges().getFirst().dropped().getFirst().contains("the model did not answer"));
    }
}

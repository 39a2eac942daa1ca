package dev.optagent.tuning;

import dev.optagent.tuning.space.CategoricalParameter;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.*;

class BayesianOptimizationTest {

    @TempDir
    Path dir;

    private final SearchSpace space = SearchSpace.of(FloatParameter.logScale("rate", 1e-4, 1), CategoricalParameter.of("mode", "a", "b"));

    private static double yield(dev.optagent.tuning.space.Configuration c) {
        double r = Math.log10(c.number("rate"));
        if (r > -0.5) throw new IllegalStateException("diverged");
        return (c.get("mode").equals("b") ? 10 : 7) - (r + 2) * (r + 2);
    }

    @Test
    void maximisesAMixedObjectiveAndResumesFromItsFile() {
        Path file = dir.resolve("s.json");
        Study half = BayesianOptimization.over(space).maximize().trials(10).initialTrials(5).seed(1).studyFile(file)
                .run(BayesianOptimizationTest::yield);
        assertEquals(10, half.trials().size());
        Study full = BayesianOptimization.over(space).maximize().trials(25).initialTrials(5).seed(1).studyFile(file)
                .run(BayesianOptimizationTest::yield);
        assertEquals(25, full.trials().size());
        assertEquals(half.trials().get(9).config(), full.trials().get(9).config(), "the first ten trials are kept as they were");
        Trial best = full.best().orElseThrow();
        assertEquals("b", best.config().get("mode"));
        assertTrue(best.value() > 9.9, "best " + best.value() + " for an optimum of 10");
    }
}

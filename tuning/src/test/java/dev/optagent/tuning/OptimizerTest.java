package dev.optagent.tuning;

import dev.optagent.tuning.bench.BenchmarkTask;
import dev.optagent.tuning.bench.TestFunctions;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.space.CategoricalParameter;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.FloatParameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.Study;
import dev.optagent.tuning.study.StudyFile;
import dev.optagent.tuning.study.Trial;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class OptimizerTest {

    @TempDir
    Path dir;

    private static double run(Optimizer optimizer, BenchmarkTask task, int trials) throws Exception {
        for (int k = 0; k < trials; k++) {
            Trial t = optimizer.ask();
            optimizer.tell(t, task.objective().evaluate(t.config()));
        }
        return optimizer.best().orElseThrow().value();
    }

    @Test
    void gaussianProcessSearchBeatsItsOwnInitialDesignOnBranin() throws Exception {
        BenchmarkTask branin = TestFunctions.branin();
        Optimizer optimizer = Optimizer.builder(branin.space()).initialDesign(InitialDesign.sobol()).initialTrials(6).seed(3).build();
        double afterDesign = run(optimizer, branin, 6);
        double after25 = run(optimizer, branin, 19);
        assertTrue(after25 < 0.6 && after25 < afterDesign / 3, "design " + afterDesign + ", after 25 trials " + after25);
        List<String> sources = optimizer.study().trials().stream().map(Trial::source).toList();
        assertEquals(List.of("sobol", "sobol", "sobol", "sobol", "sobol", "sobol", "ei"), sources.subList(0, 7));
    }

    @Test
    void maximisationAndFailedTrialsSteerTheSearch() throws Exception {
        // Maximise −(x − 0.7)² over [0, 1]; every x < 0.3 "crashes". The failures must be kept, and the optimum found.
        SearchSpace space = SearchSpace.of(FloatParameter.of("x", 0, 1));
        Optimizer optimizer = Optimizer.builder(space).direction(Direction.MAXIMIZE).initialTrials(4).seed(1).build();
        int failures = 0;
        for (int k = 0; k < 15; k++) {
            Trial t = optimizer.ask();
            double x = t.config().number("x");
            if (x < 0.3) {
                optimizer.tellFailure(t.number(), "solver crashed");
                failures++;
            } else {
                optimizer.tell(t, -(x - 0.7) * (x - 0.7));
            }
        }
        assertEquals(0.7, optimizer.best().orElseThrow().config().number("x"), 0.02);
        assertEquals(failures, optimizer.study().trials().stream().filter(t -> t.state() == Trial.TrialState.FAILED).count());
        long lateFailures = optimizer.study().trials().subList(8, 15).stream().filter(t -> t.state() == Trial.TrialState.FAILED).count();
        assertTrue(lateFailures <= 1, "after the design the search stays out of the crashing region: " + lateFailures);
    }

    @Test
    void aBatchSpreadsOutAndIsNeverADuplicate() throws Exception {
        BenchmarkTask branin = TestFunctions.branin();
        Optimizer optimizer = Optimizer.builder(branin.space()).initialTrials(5).seed(2).build();
        run(optimizer, branin, 8);
        List<Trial> batch = optimizer.ask(4);
        assertEquals(4, batch.size());
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < i; j++) {
                double dx = batch.get(i).config().number("x1") - batch.get(j).config().number("x1");
                double dy = batch.get(i).config().number("x2") - batch.get(j).config().number("x2");
                assertTrue(Math.hypot(dx, dy) > 0.05, "batch points " + i + " and " + j + " coincide");
            }
        }
        for (Trial t : batch) optimizer.tell(t, branin.objective().evaluate(t.config()));
        assertEquals(12, optimizer.study().trials().stream().filter(Trial::isComplete).count());
    }

    @Test
    void aSmallDiscreteSpaceIsExhaustedWithoutRepeats() {
        SearchSpace space = SearchSpace.of(CategoricalParameter.of("a", "x", "y", "z"), CategoricalParameter.of("b", "p", "q"));
        Optimizer optimizer = Optimizer.builder(space).initialTrials(2).seed(4).build();
        for (int k = 0; k < 6; k++) {
            Trial t = optimizer.ask();
            optimizer.tell(t, t.config().get("a").equals("z") && t.config().get("b").equals("q") ? 0 : 1 + k);
        }
        List<Configuration> configs = optimizer.study().trials().stream().map(Trial::config).toList();
        for (int i = 0; i < configs.size(); i++) for (int j = 0; j < i; j++) assertFalse(configs.get(i).sameAs(configs.get(j)));
        assertEquals(0.0, optimizer.best().orElseThrow().value());
    }

    @Test
    void anExhaustedInitialDesignIsNotDrawnAgainOnResume() throws Exception {
        BenchmarkTask branin = TestFunctions.branin();
        int[] draws = {0};
        InitialDesign counting = new InitialDesign() {
            public String name() {
                return "counted";
            }

            public dev.optagent.tuning.design.Proposal propose(dev.optagent.tuning.design.DesignContext context, int count) {
                draws[0]++;
                return InitialDesign.sobol().propose(context, count);
            }
        };
        StudyFile file = new StudyFile(dir.resolve("exhausted.json"));
        Optimizer first = Optimizer.builder(branin.space()).initialTrials(3).initialDesign(counting).studyFile(file).build();
        run(first, branin, 4);
        assertEquals(1, draws[0]);
        Optimizer resumed = Optimizer.resume(file, counting);
        run(resumed, branin, 1);
        assertEquals(1, draws[0], "a design used up is kept as used up, not drawn (or asked of the model) again");
        assertEquals(List.of(), file.load().designQueue());
    }

    @Test
    void aResumedStudyAsksWhatTheUninterruptedOneWouldHave() throws Exception {
        BenchmarkTask branin = TestFunctions.branin();
        Optimizer whole = Optimizer.builder(branin.space()).initialTrials(5).seed(9).build();
        run(whole, branin, 12);

        StudyFile file = new StudyFile(dir.resolve("study.json"));
        Optimizer first = Optimizer.builder(branin.space()).initialTrials(5).seed(9).studyFile(file).build();
        run(first, branin, 8);
        Trial dangling = first.ask();   // asked, then the process dies before the tell
        Optimizer resumed = Optimizer.resume(file, null);
        assertEquals(9, resumed.study().trials().size());
        resumed.tell(dangling.number(), branin.objective().evaluate(dangling.config()));
        run(resumed, branin, 3);
        List<Trial> a = whole.study().trials();
        List<Trial> b = Optimizer.resume(file, null).study().trials();
        assertEquals(12, b.size());
        for (int k = 0; k < 12; k++) assertTrue(a.get(k).config().sameAs(b.get(k).config()), "trial " + k + " differs");
        assertFalse(Files.list(dir).anyMatch(p -> p.toString().endsWith(".tmp")), "no temporary file is left behind");
        var again = assertThrows(IllegalArgumentException.class,
                () -> Optimizer.builder(branin.space()).studyFile(file).build());
        assertTrue(again.getMessage().contains("resume it"));
    }

    @Test
    void valuesMeasuredElsewhereAreAddedAndBadTellsAreRefused() {
        SearchSpace space = SearchSpace.of(FloatParameter.of("x", 0, 1));
        Optimizer optimizer = Optimizer.builder(space).initialTrials(2).build();
        Trial user = optimizer.tell(new Configuration(Map.of("x", 0.25)), 3.0);
        assertEquals("user", user.source());
        Trial t = optimizer.ask();
        optimizer.tell(t, 1.0);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> optimizer.tell(t.number(), 2.0)).getMessage().contains("already complete"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> optimizer.tell(7, 2.0)).getMessage().contains("no trial 7"));
        Trial u = optimizer.ask();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> optimizer.tell(u, Double.NaN)).getMessage().contains("not a finite number"));
        Study study = optimizer.study();
        assertEquals(1.0, study.best().orElseThrow().value());
        assertEquals(List.of(3.0, 1.0, 1.0), study.bestSoFar());
    }
}

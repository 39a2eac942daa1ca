package dev.optagent.solvers;

import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An interrupted solving thread stops its native engine: a market-split MILP (Cornuejols-Dawande, hard for branch and
 * bound) with a 60 s limit ends within seconds of the interrupt, where before it ran to the limit.
 */
class EngineInterruptTest {

    /** 4 rows, 40 binaries: no engine proves it in a few seconds; integer slacks so CP-SAT takes it too. */
    static String marketSplit() {
        Random random = new Random(7);
        int m = 4, n = 40;
        StringBuilder a = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        for (int r = 0; r < m; r++) {
            int sum = 0;
            a.append(r == 0 ? "[" : ", [");
            for (int i = 0; i < n; i++) {
                int v = random.nextInt(100);
                sum += v;
                a.append(i == 0 ? "" : ", ").append(v);
            }
            a.append("]");
            b.append(r == 0 ? "" : ", ").append(sum / 2);
        }
        a.append("]");
        b.append("]");
        return """
                {"sets": [{"name": "I", "range": [1, %d]}, {"name": "R", "range": [1, %d]}],
                 "parameters": [{"name": "a", "index": ["R", "I"], "values": %s}, {"name": "b", "index": ["R"], "values": %s}],
                 "variables": [{"name": "x", "index": ["I"], "type": "binary"},
                               {"name": "s", "index": ["R"], "type": "integer", "upper": 5000},
                               {"name": "t", "index": ["R"], "type": "integer", "upper": 5000}],
                 "objective": {"sense": "minimize", "expression": "sum(s[r] + t[r] for r in R)"},
                 "constraints": [{"name": "split", "for": "r in R", "expression": "sum(a[r, i] * x[i] for i in I) + s[r] - t[r] == b[r]"}]}
                """.formatted(n, m, a, b);
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCIP", "CP_SAT"})
    void anInterruptedSolveStopsWithinSeconds(Backend backend) throws Exception {
        var formulation = FormulationJson.parse(marketSplit());
        SolveOptions options = SolveOptions.defaults().withBackend(backend).withTimeLimit(Duration.ofSeconds(60))
                .withDiagnosis(false).withProofSearch(false);
        ExecutorService thread = Executors.newSingleThreadExecutor();
        try {
            Future<Solution> solve = thread.submit(() -> new ModelSolver().solve(formulation, options));
            Thread.sleep(1500); // well inside the search
            assertFalse(solve.isDone(), "the model must still be searching when interrupted");
            long interrupted = System.nanoTime();
            solve.cancel(true);
            thread.shutdown();
            assertTrue(thread.awaitTermination(10, TimeUnit.SECONDS), backend + " still solving 10 s after the interrupt");
            double seconds = (System.nanoTime() - interrupted) / 1e9;
            assertTrue(seconds < 10, backend + " took " + seconds + " s to stop");
        } finally {
            thread.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Backend.class, names = {"SCIP"})
    void anUninterruptedSolveStillProvesOptimality(Backend backend) {
        Solution s = new ModelSolver().solve(FormulationJson.parse("""
                {"variables": [{"name": "x", "type": "integer", "upper": 10}, {"name": "y", "type": "integer", "upper": 10}],
                 "objective": {"sense": "maximize", "expression": "5 * x + 4 * y"},
                 "constraints": [{"name": "budget", "expression": "6 * x + 4 * y <= 24"}, {"name": "mix", "expression": "x + 2 * y <= 6"}]}
                """), SolveOptions.defaults().withBackend(backend));
        assertNotEquals(SolveStatus.ERROR, s.status());
        assertTrue(s.status() == SolveStatus.OPTIMAL && Math.abs(s.objective() - 20) < 1e-6, s.toString());
    }
}

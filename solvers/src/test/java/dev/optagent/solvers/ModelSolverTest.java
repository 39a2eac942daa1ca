package dev.optagent.solvers;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.analysis.ProblemClass;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelSolverTest {

    private final ModelSolver solver = new ModelSolver();

    private Solution solve(String json) {
        return solver.solve(FormulationJson.parse(json), SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(20)));
    }

    @Test
    void anUnprovenNonconvexIncumbentIsImprovedByLocalSearchAndReportedAsLocal() {
        // Open-top box of volume at least 32 with least material: side 4, height 2, area 48. With unbounded
        // sides SCIP's spatial branching does not close the gap within seconds.
        var box = dev.optagent.formulation.FormulationJson.parse("""
                {"parameters": [{"name": "volume", "value": 32}],
                 "variables": [{"name": "side"}, {"name": "height"}],
                 "objective": {"sense": "minimize", "expression": "side * side + 4 * side * height"},
                 "constraints": [{"name": "holds", "expression": "side * side * height >= volume"}]}""");
        Solution s = solver.solve(box, SolveOptions.defaults().withTimeLimit(java.time.Duration.ofSeconds(3)));
        assertTrue(s.status().hasSolution(), s.toString());
        assertEquals(48.0, s.objective(), 1e-4);
        assertTrue(s.verification().passed());
        if (s.backend().startsWith("NLP")) assertEquals("local", s.optimality(), "a local search never claims a global optimum");
    }

    /** Quotients over one shared denominator are one fraction; integer ratio models get a global proof. */
    @Test
    void aRatioObjectiveIsSolvedExactlyByDinkelbachOverTheLinearEngine() {
        Solution s = solve("""
                {"sets": [{"name": "K", "elements": ["van", "truck"]}],
                 "parameters": [{"name": "cost", "index": ["K"], "values": [50, 120]}, {"name": "tons", "index": ["K"], "values": [1, 3]}],
                 "variables": [{"name": "n", "index": ["K"], "type": "integer", "upper": 4}],
                 "objective": {"sense": "minimize", "expression": "sum((cost[k] * n[k] + 10) / sum(tons[j] * n[j] for j in K) for k in K)"},
                 "constraints": [{"name": "carry", "expression": "sum(tons[k] * n[k] for k in K) >= 7"}]}
                """);
        // Enumerated by hand: (20 + 50 v + 120 t) / (v + 3 t) over v, t in 0..4 with v + 3t >= 7 is least at
        // v = 0, t = 4: 500 / 12 = 41.667 (v = 1, t = 2: 310 / 7 = 44.29; v = 4, t = 1: 340 / 7 = 48.57).
        assertEquals(SolveStatus.OPTIMAL, s.status(), s.message());
        assertEquals(500.0 / 12, s.objective(), 1e-9);
        assertEquals("global", s.optimality());
        assertTrue(s.backend().contains("Dinkelbach"), s.backend());
    }

    /** (x + 1) / y with y able to reach 0 has no optimum; Dinkelbach must decline rather than claim one. */
    @Test
    void aRatioWhoseDenominatorCanVanishIsNotTakenByDinkelbach() {
        Solution s = solve("""
                {"variables": [{"name": "x", "upper": 3}, {"name": "y", "upper": 5}],
                 "objective": {"sense": "maximize", "expression": "(x + 1) / y"},
                 "constraints": [{"name": "c", "expression": "x + y <= 6"}]}
                """);
        assertFalse(s.backend().contains("Dinkelbach"), s.backend());
        assertEquals(SolveStatus.ERROR, s.status(), "a point at the pole is no optimum");
        assertTrue(s.message().contains("divides by y,"), s.message());
    }

    @Test
    void lpGetsDualsAndReducedCosts() {
        Solution s = solve("""
                {"variables": [{"name": "x"}, {"name": "y"}],
                 "objective": {"sense": "maximize", "expression": "3 * x + 2 * y"},
                 "constraints": [{"name": "wood", "expression": "x + y <= 4"}, {"name": "labour", "expression": "x + 3 * y <= 8"},
                                 {"name": "xcap", "expression": "x <= 3"}]}
                """);
        assertEquals(SolveStatus.OPTIMAL, s.status());
        assertEquals(ProblemClass.LP, s.problemClass());
        assertEquals(11.0, s.objective(), 1e-9);
        assertEquals(2.0, s.duals().get("wood"), 1e-9);
        assertEquals(1.0, s.duals().get("xcap"), 1e-9);
        assertTrue(s.verification().passed());
    }

    @Test
    void milpIsSolvedToIntegralOptimum() {
        Solution s = solve("""
                {"sets": [{"name": "I", "elements": ["a", "b", "c", "d"]}],
                 "parameters": [{"name": "w", "index": ["I"], "values": [5, 4, 6, 3]}, {"name": "v", "index": ["I"], "values": [10, 40, 30, 50]}],
                 "variables": [{"name": "take", "index": ["I"], "type": "binary"}],
                 "objective": {"sense": "maximize", "expression": "sum(v[i] * take[i] for i in I)"},
                 "constraints": [{"name": "capacity", "expression": "sum(w[i] * take[i] for i in I) <= 10"}]}
                """);
        assertEquals(90.0, s.objective(), 1e-9);
        assertEquals(ProblemClass.MILP, s.problemClass());
        assertEquals(1.0, s.variables().get("take[b]"));
        assertEquals(1.0, s.variables().get("take[d]"));
    }

    @Test
    void quadraticObjectiveGoesToScipNotToALinearEngine() {
        String qp = """
                {"variables": [{"name": "x", "lower": -10, "upper": 10}, {"name": "y", "lower": -10, "upper": 10}],
                 "objective": {"sense": "minimize", "expression": "(x - 1) ** 2 + (y - 2) ** 2 + x * y"}}
                """;
        Solution s = solve(qp);
        assertEquals(SolveStatus.OPTIMAL, s.status());
        assertEquals(ProblemClass.QP, s.problemClass());
        assertEquals("SCIP", s.backend());
        // Stationary point: 2(x-1) + y = 0, 2(y-2) + x = 0 -> x = 0, y = 2; value 1 + 0 + 0 = 1.
        assertEquals(1.0, s.objective(), 1e-6);

        Solution glop = solver.solve(FormulationJson.parse(qp), SolveOptions.defaults().withBackend(Backend.GLOP));
        assertEquals(SolveStatus.ERROR, glop.status());
        assertTrue(glop.message().contains("silently drop"), glop.message());
    }

    @Test
    void nonconvexBilinearIsSolvedGlobally() {
        Solution s = solve("""
                {"variables": [{"name": "x", "upper": 4}, {"name": "y", "upper": 4}],
                 "objective": {"sense": "maximize", "expression": "x * y"},
                 "constraints": [{"name": "perimeter", "expression": "x + y <= 6"}]}
                """);
        assertEquals(9.0, s.objective(), 1e-5);
        assertEquals(ProblemClass.QP, s.problemClass());
        assertEquals("global", s.optimality());
    }

    @Test
    void smoothNlpIsSolvedLocallyAndSaysSo() {
        Solution s = solve("""
                {"variables": [{"name": "x", "lower": 0.1, "upper": 10}],
                 "objective": {"sense": "minimize", "expression": "x - log(x)"}}
                """);
        assertEquals(SolveStatus.OPTIMAL, s.status());
        assertEquals(ProblemClass.NLP, s.problemClass());
        assertEquals("NLP", s.backend());
        assertEquals("local", s.optimality());
        assertEquals(1.0, s.objective(), 1e-6);
    }

    @Test
    void absMinMaxAndIndicatorsUseScipGeneralConstraints() {
        Solution s = solve("""
                {"sets": [{"name": "J", "range": [1, 3]}],
                 "parameters": [{"name": "target", "index": ["J"], "values": [4, -2, 7]}],
                 "variables": [{"name": "x", "index": ["J"], "lower": -10, "upper": 10}, {"name": "on", "type": "binary"}],
                 "objective": {"sense": "minimize", "expression": "sum(abs(x[j] - target[j]) for j in J) + max(x[j] for j in J) + 3 * on"},
                 "constraints": [{"name": "force", "if": "on == 0", "expression": "x[3] <= 1"}]}
                """);
        // With on = 1: x = target gives 13 + 7 + 3 = 23; lowering x[3] trades 1 of deviation for 1 of max until x[3] = 4: 3 + 4 + 3 = ... check both.
        // on = 0: x[3] <= 1 -> deviation 6 at x[3] = 1, max(x) = max(4, -2, 1) = 4 -> 0 + 0 + 6 + 4 = 10; lowering x[1] too: |x1-4| + max -> flat.
        assertEquals(SolveStatus.OPTIMAL, s.status());
        assertEquals(ProblemClass.MILP, s.problemClass());
        assertEquals(10.0, s.objective(), 1e-6);
        assertTrue(s.verification().passed());
    }

    @Test
    void infeasibleModelNamesTheIrreducibleConflict() {
        Solution s = solve("""
                {"sets": [{"name": "P", "elements": ["a", "b"]}],
                 "variables": [{"name": "x", "index": ["P"]}],
                 "objective": {"sense": "minimize", "expression": "sum(x[p] for p in P)"},
                 "constraints": [{"name": "enough", "expression": "x['a'] + x['b'] >= 10"},
                                 {"name": "cap", "for": "p in P", "expression": "x[p] <= 4"},
                                 {"name": "harmless", "expression": "x['a'] <= 100"}]}
                """);
        assertEquals(SolveStatus.INFEASIBLE, s.status());
        assertNull(s.objective());
        assertEquals(List.of("enough", "cap"), s.diagnosis().constraints());
        assertEquals(List.of("enough", "cap[a]", "cap[b]"), s.diagnosis().conflict());
        assertTrue(s.diagnosis().explanation().contains("cap[a]"));
    }

    @Test
    void unboundedModelNamesTheRunawayVariable() {
        Solution s = solve("""
                {"variables": [{"name": "x"}, {"name": "y"}],
                 "objective": {"sense": "maximize", "expression": "x + y"},
                 "constraints": [{"name": "link", "expression": "y <= 5"}, {"name": "other", "expression": "x - y >= 0"}]}
                """);
        assertEquals(SolveStatus.UNBOUNDED, s.status());
        assertEquals(List.of("x"), s.diagnosis().runaway());
    }

    @Test
    void unboundedLpIsNeverReportedAsInfeasibleEvenWithoutDiagnosis() {
        // GLOP's presolve answers "infeasible" for "infeasible or unbounded"; the status must still be right.
        Solution s = solver.solve(FormulationJson.parse("""
                {"variables": [{"name": "x"}, {"name": "y"}],
                 "objective": {"sense": "maximize", "expression": "x + y"},
                 "constraints": [{"name": "link", "expression": "x - y <= 3"}]}
                """), SolveOptions.defaults().withDiagnosis(false));
        assertEquals(SolveStatus.UNBOUNDED, s.status());
        assertNull(s.diagnosis());
    }

    @Test
    void explicitFeasibilityProblem() {
        Solution s = solve("""
                {"variables": [{"name": "n", "type": "integer", "upper": 20}],
                 "objective": {"sense": "feasible"},
                 "constraints": [{"name": "odd", "expression": "n >= 7"}, {"name": "small", "expression": "3 * n <= 22"}]}
                """);
        assertEquals(SolveStatus.OPTIMAL, s.status());
        assertEquals(7.0, s.variables().get("n"));
        assertNull(s.objective());
        assertFalse(s.variables().isEmpty());
    }

    @Test
    void aModelWithoutObjectiveIsRefusedNotSolvedAsFeasibility() {
        var e = assertThrows(dev.optagent.formulation.FormulationException.class, () -> solve("""
                {"variables": [{"name": "n", "type": "integer", "upper": 20}],
                 "constraints": [{"name": "low", "expression": "n >= 7"}]}
                """));
        assertTrue(e.getMessage().contains("no objective") && e.getMessage().contains("{\"sense\": \"feasible\"}"), e.getMessage());
    }

    @Test
    void integerProductsGoToCpSat() {
        Solution s = solve("""
                {"variables": [{"name": "w", "type": "integer", "lower": 1, "upper": 20}, {"name": "h", "type": "integer", "lower": 1, "upper": 20}],
                 "objective": {"sense": "maximize", "expression": "w * h - 0.5 * w"},
                 "constraints": [{"name": "fence", "expression": "2 * w + 2 * h <= 30"}]}
                """);
        assertEquals(ProblemClass.CP, s.problemClass());
        assertEquals("CP_SAT", s.backend());
        // w + h <= 15: w*h - w/2 is best at w = 7, h = 8: 56 - 3.5 = 52.5.
        assertEquals(52.5, s.objective(), 1e-9);
    }

    @Test
    void integerProductWithoutBoundsFallsBackToScip() {
        Solution s = solve("""
                {"variables": [{"name": "a", "type": "integer", "lower": 1}, {"name": "b", "type": "integer", "lower": 1}],
                 "objective": {"sense": "minimize", "expression": "a * b + a + b"},
                 "constraints": [{"name": "sum", "expression": "a + b >= 7"}]}
                """);
        assertEquals("SCIP", s.backend());
        // a + b = 7 with a*b smallest at a = 1, b = 6: 6 + 7 = 13.
        assertEquals(13.0, s.objective(), 1e-6);
    }

    @Test
    void timeLimitIsRespectedOnAHardModel() {
        // A market-split instance (Cornuéjols and Dawande): equality knapsacks that branch and bound cannot
        // settle quickly. With a one-second limit the solve must come back without claiming optimality.
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        int m = 4;
        int n = 34;
        StringBuilder rows = new StringBuilder();
        StringBuilder matrix = new StringBuilder();
        for (int i = 0; i < m; i++) {
            int total = 0;
            StringBuilder row = new StringBuilder();
            for (int j = 0; j < n; j++) {
                int a = random.nextInt(100);
                total += a;
                row.append(j == 0 ? "" : ", ").append(a);
            }
            matrix.append(i == 0 ? "" : ", ").append('[').append(row).append(']');
            rows.append(i == 0 ? "" : ", ").append(total / 2);
        }
        String json = """
                {"sets": [{"name": "I", "range": [1, %d]}, {"name": "J", "range": [1, %d]}],
                 "parameters": [{"name": "a", "index": ["I", "J"], "values": [%s]}, {"name": "d", "index": ["I"], "values": [%s]}],
                 "variables": [{"name": "x", "index": ["J"], "type": "binary"}, {"name": "plus", "index": ["I"]}, {"name": "minus", "index": ["I"]}],
                 "objective": {"sense": "minimize", "expression": "sum(plus[i] + minus[i] for i in I)"},
                 "constraints": [{"name": "split", "for": "i in I", "expression": "sum(a[i, j] * x[j] for j in J) + plus[i] - minus[i] == d[i]"}]}
                """.formatted(m, n, matrix, rows);
        long start = System.nanoTime();
        Solution s = solver.solve(FormulationJson.parse(json), SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(1)));
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(s.status() == SolveStatus.FEASIBLE || s.status() == SolveStatus.TIME_LIMIT,
                s.status() + " " + s.message());
        if (s.status() == SolveStatus.FEASIBLE) {
            assertNull(s.optimality());
            assertTrue(s.verification().passed());
        }
        assertTrue(seconds < 15, "a 1 s limit took " + seconds + " s");
    }
}

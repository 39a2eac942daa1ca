package dev.optagent.solvers.goals;

import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.GoalValue;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LexicographicSolveTest {

    /** x + y <= 10, x <= 8 (integers); first as many units as possible, then the least x + 2y. */
    private static Solution solve(String tolerance) {
        return new ModelSolver().solve(FormulationJson.parse("""
                {"variables": [{"name": "x", "type": "integer"}, {"name": "y", "type": "integer"}],
                 "objectives": [
                   {"name": "units", "sense": "maximize", "expression": "x + y" %s},
                   {"name": "effort", "sense": "minimize", "expression": "x + 2 * y"}],
                 "constraints": [{"name": "room", "expression": "x + y <= 10"}, {"name": "cap", "expression": "x <= 8"}]}"""
                .formatted(tolerance)), SolveOptions.defaults());
    }

    @Test
    void theSecondGoalIsOptimisedWithTheFirstHeldAtItsOptimum() {
        Solution s = solve("");
        assertEquals(SolveStatus.OPTIMAL, s.status(), s.message());
        assertEquals(10.0, s.objective(), "objective is the first goal's value");
        assertEquals(8.0, s.variables().get("x"));
        assertEquals(2.0, s.variables().get("y"));
        GoalValue effort = s.goals().get(1);
        assertEquals("effort", effort.name());
        assertEquals(12.0, effort.value());
        assertEquals(12.0, effort.optimum());
        assertTrue(s.verification().passed());
    }

    @Test
    void aToleranceLetsLowerGoalsTakePartOfAHigherOptimum() {
        Solution absolute = solve(", \"tolerance\": 2");
        assertEquals(8.0, absolute.objective());
        assertEquals(8.0, absolute.goals().get(1).value(), "x + y >= 8 -> x = 8, y = 0");
        Solution relative = solve(", \"relativeTolerance\": 0.1");
        assertEquals(9.0, relative.objective());
        assertEquals(10.0, relative.goals().get(1).value(), "x + y >= 9 -> x = 8, y = 1");
        assertEquals(1.0, relative.goals().getFirst().allowance(), 1e-12);
    }

    @Test
    void objectiveAndObjectivesTogetherIsAnErrorAndAGoalErrorNamesTheGoal() {
        var both = FormulationJson.parse("""
                {"variables": [{"name": "x", "upper": 1}],
                 "objective": {"sense": "maximize", "expression": "x"},
                 "objectives": [{"name": "a", "sense": "maximize", "expression": "x"}, {"name": "b", "sense": "minimize", "expression": "x + z"}]}""");
        FormulationException e = assertThrows(FormulationException.class, () -> new ModelSolver().solve(both, SolveOptions.defaults()));
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.code().equals("objectives.both")), e.getMessage());
        assertTrue(e.diagnostics().stream().anyMatch(d -> "objectives[2]".equals(d.element())), e.getMessage());
    }

    @Test
    void anInfeasibleModelStopsAtTheFirstGoalWithItsDiagnosis() {
        Solution s = new ModelSolver().solve(FormulationJson.parse("""
                {"variables": [{"name": "x", "upper": 1}],
                 "objectives": [{"name": "a", "sense": "maximize", "expression": "x"}, {"name": "b", "sense": "minimize", "expression": "x"}],
                 "constraints": [{"name": "impossible", "expression": "x >= 2"}]}"""), SolveOptions.defaults());
        assertEquals(SolveStatus.INFEASIBLE, s.status());
        assertEquals(2, s.goals().size());
    }

    @Test
    void feasibleIsNoGoal() {
        var goals = FormulationJson.parse("""
                {"variables": [{"name": "x", "upper": 1}],
                 "objectives": [{"name": "a", "sense": "maximize", "expression": "x"}, {"name": "b", "sense": "feasible"}],
                 "constraints": [{"name": "c", "expression": "x <= 1"}]}""");
        FormulationException e = assertThrows(FormulationException.class, () -> new ModelSolver().solve(goals, SolveOptions.defaults()));
        assertTrue(e.diagnostics().stream().anyMatch(d -> d.code().equals("objectives.feasible") && "objectives[2]".equals(d.element())),
                e.getMessage());
    }
}

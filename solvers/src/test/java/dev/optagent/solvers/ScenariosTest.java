package dev.optagent.solvers;

import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScenariosTest {

    /** Assign 2 workers to 2 tasks, least total time; scenarios change the data, a bound, and a constraint. */
    private static final String MODEL = """
            {"sets": [{"name": "W", "elements": ["ann", "bob"]}, {"name": "T", "elements": ["cut", "pack"]}],
             "parameters": [{"name": "time", "index": ["W", "T"], "values": [[4, 6], [5, 9]]}],
             "variables": [{"name": "x", "index": ["W", "T"], "type": "binary"}],
             "objective": {"sense": "minimize", "expression": "sum(time[w, t] * x[w, t] for w in W for t in T)"},
             "constraints": [
               {"name": "each_worker", "for": "w in W", "expression": "sum(x[w, t] for t in T) == 1"},
               {"name": "each_task", "for": "t in T", "expression": "sum(x[w, t] for w in W) == 1"}],
             "scenarios": [
               {"name": "a", "description": "bob packs faster", "parameters": [{"name": "time", "values": [[4, 6], [5, 3]]}]},
               {"name": "b", "description": "ann may not cut", "variables": [{"name": "x", "upper": 1}],
                "constraints": [{"name": "ann_no_cut", "expression": "x['ann', 'cut'] == 0"}]},
               {"name": "c", "description": "tasks may stay undone", "drop": ["each_task"],
                "constraints": [{"name": "each_worker", "for": "w in W", "expression": "sum(x[w, t] for t in T) <= 1"}]}]}""";

    @Test
    void everyScenarioIsSolvedOnItsOwnBesideTheBase() {
        Solution s = new ModelSolver().solve(FormulationJson.parse(MODEL), SolveOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, s.status());
        assertEquals(11.0, s.objective(), "base: ann packs (6), bob cuts (5)");
        assertEquals(7.0, s.scenarios().get("a").objective(), "ann cuts (4), bob packs (3)");
        assertEquals(11.0, s.scenarios().get("b").objective(), "ann packs (6), bob cuts (5)");
        assertEquals(0.0, s.scenarios().get("c").objective(), "nobody has to work");
        assertEquals(1.0, s.scenarios().get("a").variables().get("x[bob,pack]"));
        assertTrue(s.scenarios().values().stream().allMatch(v -> v.verification().passed()));
    }

    @Test
    void aScenarioNamingSomethingTheBaseLacksIsAClearError() {
        String broken = MODEL.replace("\"drop\": [\"each_task\"]", "\"drop\": [\"each_tsk\"]");
        FormulationException e = assertThrows(FormulationException.class,
                () -> new ModelSolver().solve(FormulationJson.parse(broken), SolveOptions.defaults()));
        assertTrue(e.getMessage().contains("each_tsk"), e.getMessage());
    }
}

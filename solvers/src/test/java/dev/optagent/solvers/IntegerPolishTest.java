package dev.optagent.solvers;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.analysis.SolutionCheck;
import dev.optagent.formulation.analysis.Verification;
import dev.optagent.formulation.ground.GroundModel;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegerPolishTest {

    /** A big-M row with M = 100000: a binary 5e-9 short of 1 lets the start time sit at 7.9995 instead of 8. */
    @Test
    void aPointThatPassesOnlyWithinToleranceIsReplacedByTheExactIntegerPoint() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"parameters": [{"name": "big_m", "value": 100000}],
                 "variables": [{"name": "after", "type": "binary"}, {"name": "start"}],
                 "objective": {"sense": "minimize", "expression": "start"},
                 "constraints": [{"name": "order", "expression": "start >= 8 - big_m * (1 - after)"},
                                 {"name": "must", "expression": "after >= 1"}]}"""));
        double[] engine = {1 - 5e-9, 8 - 5e-4};
        Verification original = SolutionCheck.verify(model, engine, 1e-6);
        assertTrue(original.passed(), "within the engine's tolerance: " + original);
        assertEquals(7.9995, original.objective(), 1e-9);
        BackendResult polished = IntegerPolish.polish(model,
                new BackendResult(SolveStatus.OPTIMAL, engine, "SCIP", "test", "", Map.of(), Map.of(), false), SolveOptions.defaults());
        assertNotNull(polished);
        Verification exact = SolutionCheck.verify(model, polished.values(), 1e-6);
        assertEquals(8.0, exact.objective(), 1e-12);
        assertTrue(IntegerPolish.cleaner(exact, original), "exacter, and the objective differs by tolerance only");
        assertFalse(IntegerPolish.cleaner(original, exact), "never the other way round");
    }
}

package dev.optagent.solvers;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class EngineOutcomeTest {

    @Test
    void outcomesInWordsAndTheEnginesReasonWithoutItsModelDump() {
        assertEquals("the solver proved that no solution satisfies every constraint", EngineOutcome.words(SolveStatus.INFEASIBLE));
        assertNull(EngineOutcome.words(SolveStatus.ERROR), "engine-specific failures are worded by the engine");
        assertEquals("the solver rejected the model as invalid: variable 3 has lower bound > upper bound",
                EngineOutcome.invalid("variable 3 has lower bound > upper bound { name: \"x\" lower_bound: 4 }"));
        assertEquals("the solver rejected the model as invalid", EngineOutcome.invalid(""));
        assertEquals("the engine refused the model", EngineOutcome.reason("{ name: \"x\" }"));
        assertEquals(203, EngineOutcome.reason("y".repeat(300)).length());
    }
}

package dev.optagent.eval;

import dev.optagent.agent.AgentStatus;
import dev.optagent.datasets.Problem;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoringTest {

    private static Problem vans() {
        return new Problem("optibench-1", "How many vans and cars?", 820.5, "linear", false,
                Map.of("The number of vans", 4.0, "The number of cars", 0.0));
    }

    @Test
    void strictAndLenientAreSeparateTolerances() {
        assertTrue(Scoring.correct(100.0, AgentStatus.OPTIMAL, 100.00000001, Scoring.STRICT));
        assertFalse(Scoring.correct(100.0, AgentStatus.OPTIMAL, 101.0, Scoring.STRICT));
        assertTrue(Scoring.correct(100.0, AgentStatus.OPTIMAL, 104.0, Scoring.LENIENT));
        assertFalse(Scoring.correct(100.0, AgentStatus.OPTIMAL, 106.0, Scoring.LENIENT));
        assertFalse(Scoring.correct(100.0, AgentStatus.SOLVER_ERROR, 100.0, Scoring.LENIENT), "only an answer can be right");
        assertTrue(Scoring.correct(null, AgentStatus.INFEASIBLE, null, Scoring.STRICT));
        assertFalse(Scoring.correct(null, AgentStatus.OPTIMAL, 0.0, Scoring.STRICT), "null gold needs a no-optimum conclusion");
    }

    @Test
    void optiBenchNeedsTheObjectiveAndEveryGoldValue() {
        Map<String, Double> right = Map.of("vans", 4.0, "cars", 0.0, "drivers", 4.0);
        assertTrue(Scoring.correctOptiBench(vans(), AgentStatus.OPTIMAL, 820.5, right));
        assertFalse(Scoring.correctOptiBench(vans(), AgentStatus.OPTIMAL, 820.5, Map.of("vans", 4.0, "cars", 0.5)),
                "the same objective from other decisions is not the OptiBench answer");
        assertFalse(Scoring.correctOptiBench(vans(), AgentStatus.OPTIMAL, 820.6, right), "objective within 1e-4 relative");
        assertFalse(Scoring.correctOptiBench(vans(), AgentStatus.OPTIMAL, 820.5, null), "unknown values cannot be scored right");
    }

    @Test
    void eachGoldValueNeedsItsOwnVariable() {
        Problem twoFours = new Problem("optibench-2", "q", 8.0, null, null, Map.of("a", 4.0, "b", 4.0));
        assertFalse(Scoring.correctOptiBench(twoFours, AgentStatus.OPTIMAL, 8.0, Map.of("x", 4.0, "y", 3.0)));
        assertTrue(Scoring.correctOptiBench(twoFours, AgentStatus.OPTIMAL, 8.0, Map.of("x", 4.0, "y", 4.00001)));
    }
}

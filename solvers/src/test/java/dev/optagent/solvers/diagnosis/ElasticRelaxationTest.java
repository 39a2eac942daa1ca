package dev.optagent.solvers.diagnosis;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElasticRelaxationTest {

    private final ModelSolver solver = new ModelSolver();

    private Solution solve(String json) {
        return solver.solve(FormulationJson.parse(json), SolveOptions.defaults());
    }

    private static Map<String, Double> amounts(Relaxation relaxation) {
        return relaxation.changes().stream().collect(Collectors.toMap(Relaxation.Change::constraint, Relaxation.Change::amount));
    }

    /** Two shifts need 8 nurses each; 15 are employed. By hand: one nurse short, total violation 1. */
    @Test
    void theSmallestChangeAndTheArithmeticOfANurseShortage() {
        Solution s = solve("""
                {"sets": [{"name": "Shifts", "elements": ["day", "night"]}],
                 "parameters": [{"name": "need", "index": ["Shifts"], "values": [8, 8]}, {"name": "employed", "value": 15}],
                 "variables": [{"name": "nurses", "index": ["Shifts"], "type": "integer", "lower": 0}],
                 "objective": {"sense": "minimize", "expression": "sum(nurses[s] for s in Shifts)"},
                 "constraints": [{"name": "cover", "for": "s in Shifts", "expression": "nurses[s] >= need[s]"},
                                 {"name": "staff", "expression": "sum(nurses[s] for s in Shifts) <= employed"}]}""");
        assertEquals(SolveStatus.INFEASIBLE, s.status());
        Relaxation relaxation = s.relaxation();
        assertNotNull(relaxation);
        assertEquals(1, relaxation.totalViolation(), 1e-9);
        assertEquals(1, relaxation.changes().stream().mapToDouble(Relaxation.Change::amount).sum(), 1e-9);
        String arithmetic = s.diagnosis().arithmetic();
        assertEquals("The other constraints cover[day], cover[night] force nurses[day] + nurses[night] to at least 16, but staff allows at most 15 (short by 1).", arithmetic);
        assertNotNull(arithmetic, s.diagnosis().toString());
        // Whichever instance the relaxation moves, the arithmetic sets 16 needed against 15 employed.
        assertTrue(arithmetic.contains("16") && arithmetic.contains("15") && arithmetic.contains("short by 1"), arithmetic);
    }

    /** Independent conflicts add up: 16 vs 15 (1) and 5 vs 3 (2); the equality 2k = 3 over integers is 1 away. */
    @Test
    void independentConflictsAddUpAndIntegralityIsKept() {
        Solution s = solve("""
                {"variables": [{"name": "a", "lower": 0}, {"name": "b", "lower": 0}, {"name": "y"}, {"name": "k", "type": "integer"}],
                 "objective": {"sense": "feasible"},
                 "constraints": [{"name": "need_a", "expression": "a >= 8"}, {"name": "need_b", "expression": "b >= 8"},
                                 {"name": "cap", "expression": "a + b <= 15"},
                                 {"name": "y_min", "expression": "y >= 5"}, {"name": "y_max", "expression": "y <= 3"},
                                 {"name": "pairs", "expression": "2 * k == 3"}]}""");
        assertEquals(SolveStatus.INFEASIBLE, s.status());
        Relaxation relaxation = s.relaxation();
        assertEquals(4, relaxation.totalViolation(), 1e-9);
        Map<String, Double> amounts = amounts(relaxation);
        assertEquals(1, amounts.getOrDefault("need_a", 0.0) + amounts.getOrDefault("need_b", 0.0) + amounts.getOrDefault("cap", 0.0), 1e-9);
        assertEquals(2, amounts.getOrDefault("y_min", 0.0) + amounts.getOrDefault("y_max", 0.0), 1e-9);
        assertEquals(1, amounts.get("pairs"), 1e-9);
        Relaxation.Change pairs = relaxation.changes().stream().filter(c -> c.constraint().equals("pairs")).findFirst().orElseThrow();
        assertEquals(3, pairs.from(), 0);
        assertTrue(pairs.to() == 2 || pairs.to() == 4, pairs.toString());
        assertTrue(relaxation.explanation().startsWith("The smallest change that makes the model feasible (total 4)"), relaxation.explanation());
    }

    @Test
    void aLimitIsRaisedAndARequirementLoweredInWords() {
        var raise = new Relaxation.Change("cap", "cap", "upper", 1, 15, 16);
        assertEquals("raise the limit of cap from 15 to 16 (by 1)", raise.words());
        var lower = new Relaxation.Change("cover[day]", "cover", "lower", 2, 8, 6);
        assertEquals("lower the requirement of cover[day] from 8 to 6 (by 2)", lower.words());
    }
}

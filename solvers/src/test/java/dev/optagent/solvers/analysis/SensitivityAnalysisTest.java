package dev.optagent.solvers.analysis;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SensitivityAnalysisTest {

    private final ModelSolver solver = new ModelSolver();

    private Solution solve(String json) {
        return solver.solve(FormulationJson.parse(json), SolveOptions.defaults());
    }

    /** Wyndor Glass (Hillier and Lieberman, ch. 4 and 6): shadow prices 0, 1.5 and 1 at (2, 6), profit 36. */
    private static final String WYNDOR = """
            {"variables": [{"name": "doors", "lower": 0}, {"name": "windows", "lower": 0}],
             "objective": {"sense": "maximize", "expression": "3 * doors + 5 * windows"},
             "constraints": [{"name": "plant1", "expression": "doors <= %s"},
                             {"name": "plant2", "expression": "2 * windows <= %s"},
                             {"name": "plant3", "expression": "3 * doors + 2 * windows <= %s"}]}""";

    @Test
    void shadowPricesAndSlacksOfAMaximisationMatchTheTextbook() {
        Solution s = solve(WYNDOR.formatted(4, 12, 18));
        assertEquals(36, s.objective(), 1e-9);
        Sensitivity sensitivity = s.sensitivity();
        assertEquals("LP", sensitivity.basis());
        var plant1 = sensitivity.constraints().get("plant1");
        assertEquals(0, plant1.dual(), 1e-9);
        assertEquals(2, plant1.slack(), 1e-9, "doors = 2 of 4");
        assertFalse(plant1.binding());
        assertEquals(1.5, sensitivity.constraints().get("plant2").dual(), 1e-9);
        assertEquals(1, sensitivity.constraints().get("plant3").dual(), 1e-9);
        assertTrue(sensitivity.constraints().get("plant3").binding());
        assertEquals(0, sensitivity.constraints().get("plant3").slack());
        assertTrue(sensitivity.notes().stream().anyMatch(n -> n.startsWith("plant2 is binding") && n.contains("raises the objective by 1.5")),
                sensitivity.notes().toString());
    }

    /** The shadow price is the objective's change per unit of right-hand side: checked by re-solving, not by reading duals. */
    @Test
    void shadowPricesAgreeWithFiniteDifferencesOfReSolvedModels() throws Exception {
        String transport = Files.readString(Path.of("../datasets/formulations/transport.json"));
        Solution base = solve(transport);
        assertEquals(SolveStatus.OPTIMAL, base.status());
        // Dantzig's transportation example as in GAMS trnsport: demand marginals 0.225, 0.153, 0.126.
        assertEquals(0.225, base.sensitivity().constraints().get("demand_met[new-york]").dual(), 1e-9);
        assertEquals(0.153, base.sensitivity().constraints().get("demand_met[chicago]").dual(), 1e-9);
        assertEquals(0.126, base.sensitivity().constraints().get("demand_met[topeka]").dual(), 1e-9);
        // Supply 950, demand 900: 50 cases to spare at one plant or spread over both (the optimum is not unique).
        assertEquals(50, base.sensitivity().constraints().get("supply_limit[san-diego]").slack()
                + base.sensitivity().constraints().get("supply_limit[seattle]").slack(), 1e-9);
        Solution more = solve(transport.replace("\"new-york\": 325", "\"new-york\": 326"));
        assertEquals(base.sensitivity().constraints().get("demand_met[new-york]").dual(), more.objective() - base.objective(), 1e-9);
        for (int[] rhs : new int[][] {{4, 12, 19}, {4, 13, 18}}) {
            Solution moved = solve(WYNDOR.formatted(rhs[0], rhs[1], rhs[2]));
            String row = rhs[2] == 19 ? "plant3" : "plant2";
            assertEquals(solve(WYNDOR.formatted(4, 12, 18)).sensitivity().constraints().get(row).dual(), moved.objective() - 36, 1e-9, row);
        }
    }

    @Test
    void reducedCostsAreWhatForcingAnUnusedDecisionCosts() throws Exception {
        String transport = Files.readString(Path.of("../datasets/formulations/transport.json"));
        Solution base = solve(transport);
        var unused = base.sensitivity().variables().entrySet().stream()
                .filter(e -> e.getValue().value() == 0 && e.getValue().reducedCost() > 1e-9).findFirst().orElseThrow();
        // Force one unit on that route with a lower bound of 1 and re-solve: the cost rises by the reduced cost.
        String forced = transport.replace("\"constraints\": [", "\"constraints\": [{\"name\": \"force\", \"expression\": \""
                + unused.getKey().replace("[", "['").replace(",", "', '").replace("]", "']") + " >= 1\"}, ");
        Solution moved = solve(forced);
        assertEquals(unused.getValue().reducedCost(), moved.objective() - base.objective(), 1e-9, unused.getKey());
    }

    /** A MILP's prices come from the LP with its integers fixed, and say so. */
    @Test
    void aMilpIsPricedOnTheLpWithItsIntegersFixed() {
        Solution s = solve("""
                {"variables": [{"name": "trucks", "type": "integer", "lower": 0, "upper": 3}, {"name": "vans", "lower": 0}],
                 "objective": {"sense": "minimize", "expression": "2 * trucks + 3 * vans"},
                 "constraints": [{"name": "cover", "expression": "trucks + vans >= 4.5"}]}""");
        // By hand: trucks are cheaper per unit, so trucks = 3 (its bound) and vans = 1.5; cost 10.5. With trucks
        // fixed, one more unit of cover needs one more van: 3.
        assertEquals(10.5, s.objective(), 1e-9);
        Sensitivity sensitivity = s.sensitivity();
        assertNotNull(sensitivity);
        assertEquals(SensitivityAnalysis.FIXED, sensitivity.basis());
        assertEquals(3, sensitivity.constraints().get("cover").dual(), 1e-9);
        assertTrue(sensitivity.constraints().get("cover").binding());
    }

    /** With every decision a whole number, the fixed LP has nothing left to price: no made-up zero prices. */
    @Test
    void anAllIntegerModelGetsSlacksButNoPrices() {
        Solution s = solve("""
                {"variables": [{"name": "n", "type": "integer", "lower": 0}],
                 "objective": {"sense": "minimize", "expression": "n"},
                 "constraints": [{"name": "need", "expression": "2 * n >= 7"}, {"name": "cap", "expression": "n <= 10"}]}""");
        assertEquals(4, s.objective(), 1e-9);
        Sensitivity sensitivity = s.sensitivity();
        assertEquals(null, sensitivity.basis());
        assertTrue(sensitivity.noPrices().contains("whole number"), sensitivity.noPrices());
        assertEquals(null, sensitivity.constraints().get("need").dual());
        assertEquals(1, sensitivity.constraints().get("need").slack(), 1e-9, "2 * 4 = 8 against 7");
        assertEquals(6, sensitivity.constraints().get("cap").slack(), 1e-9);
    }
}

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

    private static void assertRange(Double from, Double to, Sensitivity.Range range, String what) {
        assertNotNull(range, what + " has a range");
        if (from == null) assertEquals(null, range.from(), what + ": no lower end");
        else assertEquals(from, range.from(), 1e-6, what + " from");
        if (to == null) assertEquals(null, range.to(), what + ": no upper end");
        else assertEquals(to, range.to(), 1e-6, what + " to");
    }

    /**
     * Wyndor's ranges by hand (Hillier and Lieberman, sec. 6.7): at (2, 6) with plant2 and plant3 binding, windows =
     * b2 / 2 and doors = (b3 - b2) / 3. plant2: doors = (18 - b2) / 3 must stay in [0, 4], so b2 in [6, 18]; plant3:
     * doors = (b3 - 12) / 3 in [0, 4], so b3 in [12, 24]; plant1 has room down to the 2 doors made. Costs: (2, 6) stays
     * optimal while (c1, c2) is a non-negative mix of the binding rows' normals (0, 2) and (3, 2): c1 in [0, 7.5] at
     * c2 = 5, c2 >= 2 at c1 = 3.
     */
    @Test
    void rangesOfWyndorMatchTheHandComputedOnes() {
        Sensitivity s = solve(WYNDOR.formatted(4, 12, 18)).sensitivity();
        assertTrue(s.ranging().startsWith("computed by parametric re-solves"), s.ranging());
        assertRange(2.0, null, s.constraints().get("plant1").range(), "plant1");
        assertRange(6.0, 18.0, s.constraints().get("plant2").range(), "plant2");
        assertRange(12.0, 24.0, s.constraints().get("plant3").range(), "plant3");
        assertEquals(18, s.constraints().get("plant3").range().current(), 1e-9);
        assertRange(0.0, 7.5, s.variables().get("doors").costRange(), "doors");
        assertRange(2.0, null, s.variables().get("windows").costRange(), "windows");
        assertEquals(3, s.variables().get("doors").costRange().current(), 1e-9);
    }

    /**
     * A minimisation with an equality, by hand: min 2x + 3y, x + y = 10, x <= 6 gives (6, 4), cost 24. The equality's
     * price 3 holds while y = b - 6 >= 0 (b >= 6, no upper end); the cap's price -1 while y = 10 - u >= 0 and x = u >= 0
     * (u in [0, 10]); x stays at its cap while it is the cheaper (c_x <= 3, no lower end), y is used while c_y >= 2.
     */
    @Test
    void rangesOfAMinimisationWithAnEqualityMatchTheHandComputedOnes() {
        Sensitivity s = solve("""
                {"variables": [{"name": "x", "lower": 0}, {"name": "y", "lower": 0}],
                 "objective": {"sense": "minimize", "expression": "2 * x + 3 * y"},
                 "constraints": [{"name": "total", "expression": "x + y == 10"}, {"name": "cap", "expression": "x <= 6"}]}""").sensitivity();
        assertEquals(3, s.constraints().get("total").dual(), 1e-9);
        assertRange(6.0, null, s.constraints().get("total").range(), "total");
        assertEquals(-1, s.constraints().get("cap").dual(), 1e-9);
        assertRange(0.0, 10.0, s.constraints().get("cap").range(), "cap");
        assertRange(null, 3.0, s.variables().get("x").costRange(), "x");
        assertRange(2.0, null, s.variables().get("y").costRange(), "y");
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

package dev.optagent.formulation.render;

import dev.optagent.formulation.ground.GroundModel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LpWriterTest {

    @Test
    void transportHasNamedRowsCoefficientsAndNameMap() {
        String lp = LpWriter.write(GroundModel.of(Models.transport()));
        List<String> lines = lp.lines().toList();

        assertEquals(List.of("Minimize", "Subject To", "End"), Models.sections(lp, "\\"));
        assertTrue(lp.contains(" obj: 0.225 ship(seattle,new_york) + 0.153 ship(seattle,chicago) + 0.162 ship(seattle,topeka)"), lp);
        assertTrue(lines.contains(" supply_limit(seattle): ship(seattle,new_york) + ship(seattle,chicago) + ship(seattle,topeka) <= 350"), lp);
        assertTrue(lines.contains(" supply_limit(san_diego): ship(san_diego,new_york) + ship(san_diego,chicago) + ship(san_diego,topeka) <= 600"), lp);
        assertTrue(lines.contains(" demand_met(new_york): ship(seattle,new_york) + ship(san_diego,new_york) >= 325"), lp);
        // Sanitised names are mapped back in comments; names that only swapped brackets are not.
        assertTrue(lines.contains("\\ row supply_limit(san_diego) is supply_limit[san-diego]"), lp);
        assertTrue(lines.contains("\\ column ship(san_diego,topeka) is ship[san-diego,topeka]"), lp);
        assertFalse(lp.contains("is supply_limit[seattle]"), lp);
        assertTrue(lines.stream().filter(l -> !l.startsWith("\\")).noneMatch(l -> l.contains("[")), "brackets only in comments: " + lp);
    }

    @Test
    void facilityHasIndicatorsSplitRangeQuadraticsBoundsAndTypes() {
        String lp = LpWriter.write(GroundModel.of(Models.facility()));
        List<String> lines = lp.lines().toList();

        assertEquals(List.of("Minimize", "Subject To", "Bounds", "Generals", "Binaries", "End"), Models.sections(lp, "\\"));
        // Objective: linear part, halved quadratic bracket (coefficients doubled), then the constant.
        assertTrue(lines.contains(" obj: 5 open(north) + 7 open(south_east) + n + z + [ 2 flow(north) ^2"
                + " + 6 flow(north) * flow(south_east) + 2 flow(south_east) ^2 ] / 2 + 4"), lp);
        assertTrue(lines.contains(" closed_empty(north): open(north) = 0 -> flow(north) <= 0"), lp);
        assertTrue(lines.contains(" closed_empty(south_east): open(south_east) = 0 -> flow(south_east) <= 0"), lp);
        assertTrue(lines.contains(" band_lo: flow(north) + flow(south_east) + n >= 4"), lp);
        assertTrue(lines.contains(" band_hi: flow(north) + flow(south_east) + n <= 12"), lp);
        assertTrue(lines.contains(" z_link: - flow(north) + z >= -15"), lp);
        // Constraint quadratics are not halved.
        assertTrue(lines.contains(" disc: [ flow(north) ^2 + 2 flow(north) * flow(south_east) ] <= 300"), lp);
        assertTrue(lines.contains(" 0 <= flow(north) <= 10"), lp);
        assertTrue(lines.contains(" 0 <= flow(south_east) <= 20"), lp);
        assertTrue(lines.contains(" 0 <= n <= 8"), lp);
        assertTrue(lines.contains(" z free"), lp);
        assertEquals("  n", lines.get(lines.indexOf("Generals") + 1));
        assertEquals("  open(north) open(south_east)", lines.get(lines.indexOf("Binaries") + 1));
        assertTrue(lp.contains("\\ constraint band (4 <= ... <= 12) is written as rows band_lo and band_hi"), lp);
        assertTrue(lp.contains("\\ the objective includes the constant 4"), lp);
    }

    @Test
    void productsAndSquaresOfAffineExpressionsAreMultipliedOut() {
        String lp = LpWriter.write(Models.twoVariables("maximize", "(x + y) ** 2 - 3",
                "[{\"name\": \"prod\", \"expression\": \"(x + 1) * (y - 2) <= 5\"}]"));
        assertTrue(lp.contains("Maximize\n obj: [ 2 x ^2 + 4 x * y + 2 y ^2 ] / 2 - 3\n"), lp);
        // (x + 1)(y - 2) = xy - 2x + y - 2; the constant moves to the right-hand side.
        assertTrue(lp.contains(" prod: - 2 x + y + [ x * y ] <= 7\n"), lp);
        assertTrue(lp.contains(" 0 <= x <= 10\n y free\n"), lp);
    }

    @Test
    void fixedBinaryAndNegativeBoundsAreExplicit() {
        String lp = LpWriter.write(GroundModel.of(dev.optagent.formulation.FormulationJson.parse("""
                {"variables": [
                   {"name": "fixed_on", "type": "binary", "lower": 1},
                   {"name": "neg", "lower": "-inf", "upper": -2},
                   {"name": "shifted", "lower": 3},
                   {"name": "e1"}],
                 "objective": {"sense": "minimize", "expression": "fixed_on + neg + shifted + e1"}}
                """)));
        List<String> lines = lp.lines().toList();
        // A binary with tightened bounds goes to Generals, so no Binaries declaration can reset its bounds.
        assertTrue(lines.contains(" fixed_on = 1"), lp);
        assertEquals("  fixed_on", lines.get(lines.indexOf("Generals") + 1));
        assertFalse(lines.contains("Binaries"), lp);
        assertTrue(lines.contains(" -inf <= neg <= -2"), lp);
        assertTrue(lines.contains(" shifted >= 3"), lp);
        // "e1" would read as an exponent in CPLEX LP.
        assertTrue(lp.contains(" obj: fixed_on + neg + shifted + _e1\n"), lp);
        assertTrue(lines.contains("\\ column _e1 is e1"), lp);
    }

    @Test
    void feasibilityProblemStillHasAnObjectiveLine() {
        GroundModel model = Models.twoVariables("minimize", "x", "[{\"name\": \"c\", \"expression\": \"x + y >= 1\"}]").withoutObjective();
        String lp = LpWriter.write(model);
        assertTrue(lp.contains("Minimize\n obj: 0 x\n"), lp);
        assertTrue(lp.contains("\\ feasibility problem"), lp);
    }

    @Test
    void longRowsAreWrappedBelowTheLineLimit() {
        String json = """
                {"sets": [{"name": "I", "range": [1, 300]}],
                 "variables": [{"name": "quantity_shipped", "index": ["I"]}],
                 "objective": {"sense": "feasible"}, "constraints": [{"name": "total", "expression": "sum(quantity_shipped[i] for i in I) <= 10"}]}
                """;
        String lp = LpWriter.write(GroundModel.of(dev.optagent.formulation.FormulationJson.parse(json)));
        assertTrue(lp.lines().allMatch(line -> line.length() <= 200), lp);
        assertTrue(lp.contains(" total: quantity_shipped(1) + quantity_shipped(2)"), lp);
        assertTrue(lp.contains("+ quantity_shipped(300) <= 10\n"), lp);
    }

    @Test
    void anExplicitFeasibilityObjectiveWritesEveryFormat() {
        var formulation = dev.optagent.formulation.FormulationJson.parse("""
                {"variables": [{"name": "x", "upper": 5}, {"name": "y", "upper": 5}],
                 "objective": {"sense": "feasible"},
                 "constraints": [{"name": "c", "expression": "x + y >= 1"}]}""");
        GroundModel model = GroundModel.of(formulation);
        String lp = LpWriter.write(model);
        assertTrue(lp.contains("\\ feasibility problem"), lp);
        assertTrue(lp.contains(" c: x + y >= 1"), lp);
        String mps = MpsWriter.write(model);
        assertTrue(!mps.contains("OBJSENSE") && mps.contains(" c "), mps);
        String latex = LatexRenderer.render(formulation);
        assertTrue(latex.contains("\\text{a feasible solution}"), latex);
        assertTrue(dev.optagent.formulation.FormulationJson.write(formulation).replace(" ", "").contains("\"sense\":\"feasible\""),
                "the explicit form survives a round trip");
    }

    @Test
    void refusesWhatLpCannotHoldNamingTheConstraintAndTheReason() {
        assertRefused("[{\"name\": \"grow\", \"expression\": \"exp(x) <= 5\"}]", "cannot write constraint grow in LP format",
                "exp of decision variables (x)", "not a polynomial");
        assertRefused("[{\"name\": \"dev\", \"expression\": \"abs(x - y) <= 1\"}]", "cannot write constraint dev in LP format",
                "abs of decision variables (x, y)", "no abs, min or max");
        assertRefused("[{\"name\": \"cube\", \"expression\": \"x * x * y <= 1\"}]", "cannot write constraint cube in LP format",
                "term of degree 3", "at most quadratic");
        assertRefused("[{\"name\": \"ratio\", \"expression\": \"x / (y + 1) <= 1\"}]", "cannot write constraint ratio in LP format",
                "divides by an expression in decision variables (y)");
        assertRefused("[{\"name\": \"root\", \"expression\": \"x ** 0.5 <= 1\"}]", "cannot write constraint root in LP format",
                "to the power 0.5");
        assertRefused("[{\"name\": \"quad_if\", \"if\": \"b == 1\", \"expression\": \"x * y <= 1\"}]",
                "cannot write constraint quad_if in LP format", "indicator constraint (enforced when b = 1) with a quadratic body");
        IllegalArgumentException objective = assertThrows(IllegalArgumentException.class,
                () -> LpWriter.write(Models.twoVariables("minimize", "log(x + 1)", "[]")));
        assertTrue(objective.getMessage().startsWith("cannot write the objective in LP format: it uses log"), objective.getMessage());
    }

    private static void assertRefused(String constraints, String... fragments) {
        GroundModel model = Models.twoVariables("minimize", "x", constraints);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> LpWriter.write(model));
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' not in: " + e.getMessage());
        }
    }
}

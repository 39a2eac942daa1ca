package dev.optagent.formulation.ground;

import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.render.LatexRenderer;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Long flat expressions ground by loops; deep ones are refused with the element and the limit, never a stack overflow. */
class HostileExpressionTest {

    private static String model(String constraint) {
        return """
                {"sets": [{"name": "I", "range": [1, 300]}],
                 "variables": [{"name": "x", "upper": 10}, {"name": "y", "index": ["I"], "upper": 2}],
                 "objective": {"sense": "minimize", "expression": "x"},
                 "constraints": [{"name": "long", "expression": "%s"}]}
                """.formatted(constraint);
    }

    @Test
    void aHundredThousandTermSumGroundsToOneCoefficient() {
        GroundModel model = GroundModel.of(FormulationJson.parse(model("x" + " + x".repeat(99_999) + " - 2 * x >= 1")));
        GroundConstraint row = model.constraints().getFirst();
        assertEquals(1, row.body().linearVariables().length);
        assertEquals(99_998.0, row.body().linearCoefficients()[0]);
        assertEquals(1.0, row.lower());
        String latex = LatexRenderer.render(FormulationJson.parse(model("x" + " + x".repeat(2_999) + " >= 1")));
        assertTrue(latex.contains("x + x"), "the renderer walks a long chain too");
    }

    @Test
    void deepNestingIsInvalidNamingTheElementAndTheLimit() {
        FormulationException e = assertThrows(FormulationException.class,
                () -> GroundModel.of(FormulationJson.parse(model("(".repeat(1000) + "x" + ")".repeat(1000) + " >= 1"))));
        Diagnostic d = e.diagnostics().getFirst();
        assertEquals("constraint long", d.element());
        assertTrue(d.message().contains("deeper than 100"), d.message());
    }

    @Test
    void aProductOfThousandsOfVariablesIsRefusedNotOverflowed() {
        for (String relation : new String[] {"x" + " * x".repeat(2_999) + " >= 1", "prod(y[i] for i in I) >= 1"}) {
            FormulationException e = assertThrows(FormulationException.class,
                    () -> GroundModel.of(FormulationJson.parse(model(relation))));
            Diagnostic d = e.diagnostics().getFirst();
            assertEquals("constraint long", d.element());
            assertTrue(d.message().contains("nests deeper than " + GroundExpr.MAX_NESTING), d.message());
        }
    }

    @Test
    void nonFiniteAndHugeDataAreInvalidWithElementInstanceAndValue() {
        assertInvalid(model("x >= 1e308 * 10"), "constraint long", "Infinity");
        assertInvalid(model("1e308 * x >= 1"), "constraint long", "coefficient of x is 1.0E308");
        assertInvalid(model("x >= 1e16"), "constraint long", "1.0E16");
        assertInvalid(model("x >= 1").replace("\"expression\": \"x\"", "\"expression\": \"x * 1e300 * 1e300\""),
                "objective", "Infinity");
        assertInvalid(model("x >= 1").replace("\"upper\": 10}", "\"upper\": 1e400}").replace("\"upper\": 2}", "\"upper\": 2e20}"),
                "variable y", "2.0E20");
        String perInstance = """
                {"sets": [{"name": "I", "range": [1, 3]}],
                 "parameters": [{"name": "big", "index": ["I"], "values": [1, 1e200, 1]}],
                 "variables": [{"name": "y", "index": ["I"]}],
                 "objective": {"sense": "minimize", "expression": "sum(y[i] for i in I)"},
                 "constraints": [{"name": "cap", "for": "i in I", "expression": "big[i] * big[i] * y[i] >= 1"}]}
                """;
        Diagnostic d = assertInvalid(perInstance, "constraint cap", "cap[2]");
        assertTrue(d.message().contains("Infinity"), d.message());
    }

    @Test
    void nothingToDecideOrNothingAskedIsInvalid() {
        assertInvalid("{}", "formulation", "no variables");
        assertInvalid("{\"variables\": [{\"name\": \"x\"}]}", "formulation", "no objective");
    }

    @Test
    void aMissingObjectiveIsInvalidAndSaysHowToAskForFeasibility() {
        String noObjective = """
                {"variables": [{"name": "x", "upper": 4}], "constraints": [{"name": "c", "expression": "x >= 1"}]}""";
        Diagnostic d = assertInvalid(noObjective, "formulation", "has no objective");
        assertTrue(d.toString().contains("{\"sense\": \"feasible\"}"), d.toString());

        GroundModel feasibility = GroundModel.of(FormulationJson.parse("""
                {"variables": [{"name": "x", "upper": 4}], "objective": {"sense": "feasible"},
                 "constraints": [{"name": "c", "expression": "x >= 1"}]}"""));
        assertFalse(feasibility.hasObjective());
        assertEquals(1, feasibility.constraints().size());

        assertInvalid("""
                {"variables": [{"name": "x"}], "objective": {"sense": "feasible", "expression": "x"},
                 "constraints": [{"name": "c", "expression": "x >= 1"}]}""", "objective", "nothing to optimise");
        assertInvalid("""
                {"variables": [{"name": "x"}], "objective": {"sense": "feasible"}}""", "formulation", "no constraints");
    }

    @Test
    void badlyScaledCoefficientsWarnButGround() {
        GroundModel model = GroundModel.of(FormulationJson.parse(model("1e-6 * x + 1e6 * y[1] >= 1")));
        assertTrue(model.warnings().stream().anyMatch(w -> w.code().equals("data.scaling") && w.message().contains("badly scaled")),
                model.warnings().toString());
    }

    private static Diagnostic assertInvalid(String json, String element, String fragment) {
        FormulationException e = assertThrows(FormulationException.class, () -> GroundModel.of(FormulationJson.parse(json)));
        Diagnostic d = e.diagnostics().stream().filter(x -> x.element().equals(element)).findFirst()
                .orElseThrow(() -> new AssertionError("no finding on " + element + ": " + e.diagnostics()));
        assertTrue(d.toString().contains(fragment), d.toString());
        return d;
    }
}

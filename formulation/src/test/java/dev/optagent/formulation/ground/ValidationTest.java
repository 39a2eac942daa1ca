package dev.optagent.formulation.ground;

import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every error names the element, the field, the position, what was expected and, for names, a suggestion. */
class ValidationTest {

    private static final String SETS = """
            "sets": [{"name": "Plants", "elements": ["seattle", "san-diego"]}, {"name": "T", "range": [1, 3]}],
            """;

    private static List<Diagnostic> errors(String body) {
        String json = "{\"name\": \"t\", " + SETS + body + "}";
        return assertThrows(FormulationException.class, () -> GroundModel.of(FormulationJson.parse(json))).diagnostics();
    }

    private static Diagnostic only(List<Diagnostic> diagnostics, String code) {
        List<Diagnostic> matching = diagnostics.stream().filter(d -> d.code().equals(code)).toList();
        assertEquals(1, matching.size(), () -> "expected one " + code + " in " + diagnostics);
        return matching.getFirst();
    }

    /** LLMs like to call production {@code prod}: function names are only functions when called. */
    @Test
    void functionNamesMayBeDeclaredNamesButKeywordsMayNot() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"name": "t", "sets": [{"name": "T", "range": [1, 3]}],
                 "parameters": [{"name": "min", "index": ["T"], "values": [1, 2, 3]}, {"name": "sum", "value": 10}],
                 "variables": [{"name": "prod", "index": ["T"]}],
                 "objective": {"sense": "minimize", "expression": "sum(prod[t] for t in T) + max(prod[t] for t in T)"},
                 "constraints": [{"name": "at_least", "for": "t in T", "expression": "prod[t] >= min[t]"},
                                 {"name": "total", "expression": "sum(prod[t] for t in T) <= sum"}]}
                """));
        assertEquals(3, model.variableCount());
        assertEquals(4, model.constraints().size());
        assertEquals(6 + 3, model.objectiveValue(new double[] {1, 2, 3}), 1e-9);

        Diagnostic d = only(errors("\"variables\": [{\"name\": \"in\"}]"), "name.reserved");
        assertEquals("variable in", d.element());
        assertTrue(d.message().contains("keyword"), d.message());
    }

    @Test
    void unknownNameGetsPositionAndDidYouMean() {
        Diagnostic d = only(errors("""
                "parameters": [{"name": "supply", "index": ["Plants"], "values": [1, 2]}],
                "variables": [{"name": "x", "index": ["Plants"]}],
                "constraints": [{"name": "cap", "for": "p in Plants", "expression": "x[p] <= suply[p]"}]
                """), "name.unknown");
        assertEquals("constraint cap", d.element());
        assertEquals("expression", d.field());
        assertEquals(8, d.position());
        assertEquals("'supply'", d.suggestion());
        assertTrue(d.toString().contains("did you mean 'supply'"), d.toString());
    }

    @Test
    void wrongIndexArityIsReported() {
        Diagnostic d = only(errors("""
                "variables": [{"name": "x", "index": ["Plants", "T"]}],
                "objective": {"sense": "minimize", "expression": "sum(x[p] for p in Plants)"}
                """), "index.arity");
        assertEquals("objective", d.element());
        assertTrue(d.message().contains("[Plants, T]"), d.message());
        assertEquals("2 index values", d.expected());
    }

    @Test
    void quotedElementOutsideTheSetIsReportedWithSuggestion() {
        Diagnostic d = only(errors("""
                "variables": [{"name": "x", "index": ["Plants"]}],
                "constraints": [{"name": "c", "expression": "x['seatle'] >= 1"}]
                """), "index.element");
        assertEquals("'seattle'", d.suggestion());
        assertEquals(2, d.position());
    }

    @Test
    void indexArithmeticOutsideTheSetNamesTheInstance() {
        Diagnostic d = only(errors("""
                "variables": [{"name": "stock", "index": ["T"]}],
                "objective": {"sense": "feasible"}, "constraints": [{"name": "balance", "for": "t in T", "expression": "stock[t] == stock[t - 1] + 1"}]
                """), "grounding");
        assertTrue(d.message().contains("index 0 of 'stock' is not an element of set T"), d.message());
        assertTrue(d.message().contains("balance[1]"), d.message());
        assertTrue(d.expected().contains("if t > 1"), d.expected());
    }

    @Test
    void nonNumericDataAndWrongShapeAreReported() {
        List<Diagnostic> diagnostics = errors("""
                "parameters": [{"name": "cost", "index": ["Plants"], "values": ["cheap", 3]},
                               {"name": "cap", "index": ["T"], "values": [1, 2]}],
                "variables": [{"name": "x", "index": ["Plants"]}],
                "objective": {"sense": "minimize", "expression": "sum(cost[p] * x[p] for p in Plants) + cap[1]"}
                """);
        assertTrue(only(diagnostics, "parameter.non-numeric").toString().contains("values[0]"));
        assertTrue(only(diagnostics, "parameter.shape").message().contains("set T has 3 elements"));
    }

    @Test
    void unusedParameterIsAWarningNotAnError() {
        GroundModel model = GroundModel.of(FormulationJson.parse("{" + SETS + """
                "parameters": [{"name": "budget", "value": 100}],
                "variables": [{"name": "x", "upper": 5}],
                "objective": {"sense": "maximize", "expression": "x"}}
                """));
        Diagnostic warning = model.warnings().stream().filter(w -> w.code().equals("parameter.unused")).findFirst().orElseThrow();
        assertTrue(warning.message().contains("budget"));
    }

    @Test
    void variableUnboundedInTheObjectiveDirectionIsFlagged() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"variables": [{"name": "x"}, {"name": "y", "upper": 3}],
                 "objective": {"sense": "maximize", "expression": "x + y"}}
                """));
        assertEquals(1, model.warnings().stream().filter(w -> w.code().equals("objective.runaway")).count(), model.warnings().toString());
    }

    @Test
    void unknownJsonFieldSuggestsTheKnownOne() {
        FormulationException e = assertThrows(FormulationException.class, () -> FormulationJson.parse("""
                {"sets": [], "variabels": []}
                """));
        Diagnostic d = e.diagnostics().getFirst();
        assertEquals("'variables'", d.suggestion());
    }

    @Test
    void malformedJsonSaysWhere() {
        FormulationException e = assertThrows(FormulationException.class, () -> FormulationJson.parse("{\"sets\": [}"));
        assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    }

    @Test
    void allErrorsAreCollectedNotJustTheFirst() {
        List<Diagnostic> diagnostics = errors("""
                "variables": [{"name": "x", "index": ["Plants"]}],
                "objective": {"sense": "minimize", "expression": "sum(x[p] for p in Plant)"},
                "constraints": [{"name": "a", "expression": "y >= 1"}, {"name": "b", "expression": "x['nowhere'] >= 1"}]
                """);
        assertTrue(diagnostics.size() >= 3, diagnostics.toString());
    }
}

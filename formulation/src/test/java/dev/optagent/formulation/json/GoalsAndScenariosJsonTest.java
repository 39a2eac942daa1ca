package dev.optagent.formulation.json;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Models travel as JSON (UI editor, REST, traces): goals and scenarios must survive a round trip unchanged. */
class GoalsAndScenariosJsonTest {

    @Test
    void goalsAndScenariosRoundTripAndNothingDerivedIsWritten() {
        Formulation f = FormulationJson.parse("""
                {"parameters": [{"name": "cap", "value": 8}],
                 "variables": [{"name": "x", "type": "integer"}],
                 "objectives": [{"name": "most", "sense": "maximize", "expression": "x", "relativeTolerance": 0.1},
                                {"name": "least", "sense": "minimize", "expression": "2 * x"}],
                 "constraints": [{"name": "limit", "expression": "x <= cap"}],
                 "scenarios": [{"name": "a", "parameters": [{"name": "cap", "value": 5}], "drop": ["limit"]}]}""");
        String json = FormulationJson.write(f);
        assertFalse(json.contains("lexicographic"), json);
        assertEquals(f, FormulationJson.parse(json));
        assertTrue(f.isLexicographic());
        assertEquals(0.1, f.objectives().getFirst().relativeTolerance());
        assertEquals(5.0, f.scenario(0).parameter("cap").orElseThrow().value());
        assertTrue(f.scenario(0).constraints().isEmpty(), "dropped");
    }
}

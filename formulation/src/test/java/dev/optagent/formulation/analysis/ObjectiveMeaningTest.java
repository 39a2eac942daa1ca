package dev.optagent.formulation.analysis;

import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ObjectiveMeaningTest {

    private static ObjectiveMeaning meaning(String json) {
        return ObjectiveMeaning.of(FormulationJson.parse(json)).orElseThrow();
    }

    @Test
    void aMoneyUnitOfTheDataIsTheObjectivesUnit() throws Exception {
        ObjectiveMeaning bakery = ObjectiveMeaning.of(FormulationJson.parse(Files.readString(Path.of("../datasets/formulations/bakery.json")))).orElseThrow();
        assertEquals("$", bakery.unit());
        ObjectiveMeaning m = meaning("""
                {"parameters": [{"name": "rate", "value": 2, "unit": "dollars per hour"}],
                 "variables": [{"name": "hours", "unit": "hours", "lower": 0}],
                 "objective": {"sense": "minimize", "expression": "rate * hours", "description": "labour cost"},
                 "constraints": [{"name": "need", "expression": "hours >= 3"}]}""");
        assertEquals("dollars", m.unit());
        assertEquals("6 dollars — labour cost (minimised)", m.describe(6));
    }

    @Test
    void noUnitIsGuessedWhenALiteralScalesTheSumOrTheUnitsDisagree() throws Exception {
        // Dantzig's freight: 90 dollars per case per thousand miles times thousand miles / 1000 is thousands of dollars.
        ObjectiveMeaning transport = ObjectiveMeaning.of(FormulationJson.parse(Files.readString(Path.of("../datasets/formulations/transport.json")))).orElseThrow();
        assertNull(transport.unit());
        ObjectiveMeaning mixed = meaning("""
                {"parameters": [{"name": "a", "value": 2, "unit": "kg"}, {"name": "b", "value": 3, "unit": "hours"}],
                 "variables": [{"name": "x", "lower": 0}],
                 "objective": {"sense": "maximize", "expression": "a * x + b * x"},
                 "constraints": [{"name": "cap", "expression": "x <= 3"}]}""");
        assertNull(mixed.unit());
        assertEquals("15 (maximised)", mixed.describe(15));
    }
}

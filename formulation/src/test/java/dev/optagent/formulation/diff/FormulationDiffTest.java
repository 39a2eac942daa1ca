package dev.optagent.formulation.diff;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormulationDiffTest {

    private static final String BEFORE = """
            {"parameters": [{"name": "budget", "value": 1000}, {"name": "cost", "value": 40}],
             "variables": [{"name": "trucks", "type": "continuous"}],
             "objective": {"sense": "maximize", "expression": "trucks"},
             "constraints": [{"name": "spend", "expression": "cost * trucks <= budget"}, {"name": "old", "expression": "trucks <= 30"}]}""";

    @Test
    void namesEveryChangeBySectionAndElement() {
        Formulation before = FormulationJson.parse(BEFORE);
        Formulation after = FormulationJson.parse("""
                {"parameters": [{"name": "budget", "value": 800}, {"name": "cost", "value": 40}],
                 "variables": [{"name": "trucks", "type": "integer"}],
                 "objective": {"sense": "maximize", "expression": "trucks"},
                 "constraints": [{"name": "spend", "expression": "cost * trucks <= budget"}, {"name": "fleet", "expression": "trucks >= 2"}]}""");
        List<String> changes = FormulationDiff.between(before, after).stream().map(Object::toString).toList();
        assertEquals(List.of(
                "changed parameter budget: value 1000 → 800",
                "changed variable trucks: type continuous → integer",
                "removed constraint old",
                "added constraint fleet"), changes);
    }

    @Test
    void assumptionsAreComparedAsStatements() {
        Formulation before = FormulationJson.parse(BEFORE.replaceFirst("\\{", "{\"assumptions\": [\"Fuel is free.\", \"Trucks are identical.\"],"));
        Formulation after = FormulationJson.parse(BEFORE.replaceFirst("\\{", "{\"assumptions\": [\"Trucks are identical.\", \"Drivers are paid weekly.\"],"));
        assertEquals(List.of("Fuel is free.", "Trucks are identical."), before.assumptions());
        List<String> changes = FormulationDiff.between(before, after).stream().map(Object::toString).toList();
        assertEquals(List.of("removed assumption Fuel is free.", "added assumption Drivers are paid weekly."), changes);
    }

    @Test
    void anUnchangedFormulationHasNoChanges() {
        assertTrue(FormulationDiff.between(FormulationJson.parse(BEFORE), FormulationJson.parse(BEFORE)).isEmpty());
    }
}

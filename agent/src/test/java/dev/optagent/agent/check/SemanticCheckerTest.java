package dev.optagent.agent.check;

import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SemanticCheckerTest {

    private static List<String> integralitySuspects(String variables) {
        var formulation = FormulationJson.parse("{\"name\": \"t\", \"variables\": [" + variables + "]}");
        return SemanticChecker.check("A small plant makes things.", formulation).stream()
                .filter(f -> f.code().equals("integrality"))
                .map(f -> f.message().substring(f.message().indexOf('\'') + 1, f.message().indexOf('\'', f.message().indexOf('\'') + 1)))
                .toList();
    }

    /** Cases taken from real model output: counts in their unit are suspects; lengths, rates, money and times are not. */
    @Test
    void aContinuousCountIsSuspectedByItsUnitNotByAnyWordInItsDescription() {
        List<String> suspects = integralitySuspects("""
                {"name": "trucks_used", "description": "trucks on the road", "unit": "trucks"},
                {"name": "ship", "description": "units shipped from center to store", "unit": "units"},
                {"name": "crews", "description": "number of crews hired"},
                {"name": "height", "description": "height of the box", "unit": "inches"},
                {"name": "avg_profit", "description": "average net profit per team", "unit": "$ per team"},
                {"name": "start", "description": "start time of the job on machine m", "unit": "time units"},
                {"name": "produce", "description": "beverage produced in week t", "unit": "thousand boxes"},
                {"name": "flow", "description": "flow of units on a link", "unit": "units per hour"},
                {"name": "buses", "description": "buses chartered", "type": "integer", "unit": "buses"}
                """);
        assertEquals(List.of("trucks_used", "ship", "crews"), suspects);
    }

    /** A real repair prompt sent the model after "variable 'hx' counts units": coordinates and radii are measures. */
    @Test
    void coordinatesAndRadiiAreMeasuresEvenInUnits() {
        List<String> suspects = integralitySuspects("""
                {"name": "hx", "description": "x coordinate of the hub", "unit": "units"},
                {"name": "hub_y", "unit": "units"},
                {"name": "hy", "unit": "units"},
                {"name": "radius", "description": "coverage radius of the tower", "unit": "units"},
                {"name": "units_made", "description": "units produced", "unit": "units"}
                """);
        assertEquals(List.of("units_made"), suspects);
    }
}

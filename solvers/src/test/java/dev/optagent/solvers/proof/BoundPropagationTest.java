package dev.optagent.solvers.proof;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoundPropagationTest {

    private static final String TWO_JOBS = """
            {"sets": [{"name": "Jobs", "range": [1, 2]}],
             "parameters": [{"name": "p", "index": ["Jobs"], "values": [3, 5]}, {"name": "big_m", "value": 1000}],
             "variables": [{"name": "start", "index": ["Jobs"]}, {"name": "first", "type": "binary"}, {"name": "makespan"}],
             "objective": {"sense": "minimize", "expression": "makespan"},
             "constraints": [
               {"name": "a", "expression": "start[1] + p[1] <= start[2] + big_m * (1 - first)"},
               {"name": "b", "expression": "start[2] + p[2] <= start[1] + big_m * first"},
               {"name": "end", "for": "j in Jobs", "expression": "makespan >= start[j] + p[j]"}]}""";

    private static VariableInstance named(GroundModel model, String label) {
        return model.variables().stream().filter(v -> v.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void anIncumbentCutoffGivesUnboundedStartTimesFiniteUpperBounds() {
        GroundModel model = GroundModel.of(FormulationJson.parse(TWO_JOBS));
        assertEquals(Double.POSITIVE_INFINITY, named(model, "start[1]").upper());
        GroundModel tightened = BoundPropagation.tighten(model, 8).orElseThrow();
        // makespan <= 8 and makespan >= start + p: start[1] <= 5, start[2] <= 3 (up to the cutoff's slack)
        assertEquals(5, named(tightened, "start[1]").upper(), 1e-4);
        assertEquals(3, named(tightened, "start[2]").upper(), 1e-4);
        assertEquals(8, named(tightened, "makespan").upper(), 1e-4);
        assertEquals(5, named(tightened, "makespan").lower(), 1e-9, "makespan >= start[2] + 5 >= 5");
    }

    @Test
    void withoutACutoffNothingIsInventedAndAnImpossibleCutoffIsInfeasible() {
        GroundModel model = GroundModel.of(FormulationJson.parse(TWO_JOBS));
        GroundModel same = BoundPropagation.tighten(model, Double.NaN).orElseThrow();
        assertEquals(Double.POSITIVE_INFINITY, named(same, "start[1]").upper());
        assertTrue(BoundPropagation.tighten(model, 4).isEmpty(), "makespan >= 5 cannot meet a cutoff of 4");
    }

    @Test
    void integerBoundsAreRounded() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"variables": [{"name": "x", "type": "integer"}, {"name": "y", "type": "integer"}],
                 "objective": {"sense": "maximize", "expression": "x + y"},
                 "constraints": [{"name": "cap", "expression": "2 * x + 3 * y <= 10"}]}"""));
        GroundModel tightened = BoundPropagation.tighten(model, Double.NaN).orElseThrow();
        assertEquals(5, named(tightened, "x").upper());
        assertEquals(3, named(tightened, "y").upper());
    }
}

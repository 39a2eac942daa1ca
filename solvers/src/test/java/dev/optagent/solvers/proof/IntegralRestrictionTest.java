package dev.optagent.solvers.proof;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class IntegralRestrictionTest {

    private static GroundModel model(String constraint, String duration) {
        return GroundModel.of(FormulationJson.parse("""
                {"variables": [{"name": "s1"}, {"name": "s2"}, {"name": "y", "type": "binary"}, {"name": "c"}],
                 "objective": {"sense": "minimize", "expression": "c"},
                 "constraints": [
                   {"name": "a", "expression": "s1 + %s <= s2 + 100 * (1 - y)"},
                   {"name": "b", "expression": "%s"},
                   {"name": "e1", "expression": "c >= s1 + 3"}, {"name": "e2", "expression": "c >= s2 + 4"}]}"""
                .formatted(duration, constraint)));
    }

    @Test
    void aDifferenceSystemWithIntegralDataIsRestrictedExactly() {
        GroundModel exact = IntegralRestriction.of(model("s2 + 4 <= s1 + 100 * y", "3")).orElseThrow();
        assertTrue(exact.variables().stream().allMatch(VariableInstance::isDiscrete));
    }

    @Test
    void fractionalDataOrScaledContinuousTermsAreNotExact() {
        assertTrue(IntegralRestriction.of(model("s2 + 4 <= s1 + 100 * y", "2.5")).isEmpty(), "a duration of 2.5");
        assertTrue(IntegralRestriction.of(model("2 * s2 + 4 <= s1 + 100 * y", "3")).isEmpty(), "coefficient 2 on a continuous");
        assertTrue(IntegralRestriction.of(model("s1 + s2 <= 50", "3")).isEmpty(), "two continuous terms of one sign");
    }
}

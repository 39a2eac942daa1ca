package dev.optagent.solvers.cpsat;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DisjunctionsTest {

    @Test
    void theTwoMachinesOfABigMFlowShopAreFoundWithTheirDurations() throws Exception {
        Path file = Path.of(DisjunctionsTest.class.getResource("/hard-corpus/flow_shop_12_bigm.json").toURI());
        GroundModel model = GroundModel.of(FormulationJson.read(file));
        List<List<Disjunctions.Operation>> machines = Disjunctions.machines(model);
        assertEquals(2, machines.size());
        machines.forEach(m -> assertEquals(12, m.size()));
        long machineOneWork = machines.stream()
                .filter(m -> model.variable(m.getFirst().start()).label().endsWith(",1]"))
                .findFirst().orElseThrow().stream().mapToLong(Disjunctions.Operation::duration).sum();
        assertEquals(7 + 3 + 9 + 4 + 8 + 2 + 6 + 5 + 9 + 3 + 7 + 4, machineOneWork);
    }

    @Test
    void pairsThatDoNotFormAMachineAreLeftAlone() {
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"variables": [{"name": "s1"}, {"name": "s2"}, {"name": "y", "type": "binary"}],
                 "objective": {"sense": "feasible"},
                 "constraints": [
                   {"name": "a", "expression": "s1 + 3 <= s2 + 100 * (1 - y)"},
                   {"name": "b", "expression": "s2 + 4 <= s1 + 100 * y"}]}"""));
        assertEquals(List.of(), Disjunctions.machines(model), "two operations are no machine worth a no-overlap");
    }
}

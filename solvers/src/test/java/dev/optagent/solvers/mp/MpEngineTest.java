package dev.optagent.solvers.mp;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.BackendResult;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MpEngineTest {

    private static GroundModel flowShop() throws Exception {
        return GroundModel.of(FormulationJson.read(Path.of(MpEngineTest.class.getResource("/hard-corpus/flow_shop_12_bigm.json").toURI())));
    }

    /** HiGHS's time-out came back as ERROR "Warning HiGHS run()"; it is a stop at the limit. */
    @Test
    void aHighsTimeOutIsATimeLimitNotAnError() throws Exception {
        BackendResult r = new MpEngine(Backend.HIGHS).solve(flowShop(), SolveOptions.defaults().withTimeLimit(Duration.ofMillis(500)));
        assertTrue(r.status() == SolveStatus.TIME_LIMIT || r.status() == SolveStatus.FEASIBLE, r.status() + " " + r.message());
        assertTrue(r.message().contains("time limit"), r.message());
        assertTrue(r.version().startsWith("HiGHS"), "labelled " + r.version());
    }

    @Test
    void scipReportsItsDualBoundWhenItStopsWithoutAProof() throws Exception {
        BackendResult r = new MpEngine(Backend.SCIP).solve(flowShop(), SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(1)));
        assertEquals(SolveStatus.FEASIBLE, r.status(), r.message());
        assertTrue(Double.isFinite(r.bound()) && r.bound() <= 69 + 1e-6, "bound " + r.bound());
    }

    @Test
    void squareRootsOverIntegersReachScipAsExactQuadraticEqualities() {
        // nearest integer point to (2.4, 3.6) within distance 1 of it, by Euclidean distance: (2, 4)
        GroundModel model = GroundModel.of(FormulationJson.parse("""
                {"variables": [{"name": "x", "type": "integer", "upper": 10}, {"name": "y", "type": "integer", "upper": 10}],
                 "objective": {"sense": "minimize", "expression": "sqrt((x - 2.4)^2 + (y - 3.6)^2)"},
                 "constraints": [{"name": "near", "expression": "sqrt((x - 2.4)^2 + (y - 3.6)^2) <= 1"}]}"""));
        BackendResult r = new MpEngine(Backend.SCIP).solve(model, SolveOptions.defaults());
        assertEquals(SolveStatus.OPTIMAL, r.status(), r.message());
        assertEquals(2, r.values()[0], 1e-6);
        assertEquals(4, r.values()[1], 1e-6);
        assertFalse(Double.isNaN(r.values()[0]));
    }
}

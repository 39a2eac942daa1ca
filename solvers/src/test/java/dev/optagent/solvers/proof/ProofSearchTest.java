package dev.optagent.solvers.proof;

import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProofSearchTest {

    private static Path hard(String name) throws Exception {
        return Path.of(ProofSearchTest.class.getResource("/hard-corpus/" + name + ".json").toURI());
    }

    /** SCIP alone leaves this 12-job flow shop at 72 with a bound near 29 after 60 s; Johnson's rule says 69. */
    @Test
    void aBigMFlowShopIsProvenByCpSatOnItsExactIntegerModel() throws Exception {
        Solution s = new ModelSolver().solve(FormulationJson.read(hard("flow_shop_12_bigm")),
                SolveOptions.defaults().withDiagnosis(false).withTimeLimit(Duration.ofSeconds(30)));
        assertEquals(SolveStatus.OPTIMAL, s.status(), s.message());
        assertEquals(69.0, s.objective(), 1e-9);
        assertEquals("SCIP + CP-SAT", s.backend());
        assertEquals(69.0, s.bound(), 1e-9);
        assertTrue(s.message().contains("difference system"), s.message());
    }

    /** Without a proof the answer is FEASIBLE with SCIP's bound and the gap, never OPTIMAL. */
    @Test
    void withoutAProofTheBoundAndGapAreReported() throws Exception {
        Solution s = new ModelSolver().solve(FormulationJson.read(hard("flow_shop_12_bigm")),
                SolveOptions.defaults().withDiagnosis(false).withProofSearch(false).withTimeLimit(Duration.ofSeconds(2)));
        assertEquals(SolveStatus.FEASIBLE, s.status(), s.message());
        assertNotNull(s.bound());
        assertTrue(s.bound() <= 69.0 + 1e-6, "a valid bound of a minimum lies below it: " + s.bound());
        assertTrue(s.gap() > 0, "gap " + s.gap());
    }
}

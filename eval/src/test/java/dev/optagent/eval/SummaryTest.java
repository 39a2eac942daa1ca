package dev.optagent.eval;

import dev.optagent.agent.AgentStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SummaryTest {

    private static ProblemResult result(String id, boolean right, Double confidence, Boolean optiBench) {
        return result(id, right, confidence, optiBench, 0);
    }

    private static ProblemResult result(String id, boolean right, Double confidence, Boolean optiBench, Integer assumptions) {
        return new ProblemResult(id, id.substring(0, id.indexOf('-')), null, null, AgentStatus.OPTIMAL, 1.0, right ? 1.0 : 2.0,
                right, right, optiBench, right ? FailureCategory.NONE : FailureCategory.WRONG_VALUE, 0, 3, 100, 50, 1000, null,
                confidence, assumptions, null, null);
    }

    @Test
    void groupsByBenchmarkAndSampleAgreementAndCountsTheOptiBenchRuleOnItsOwnDenominator() {
        Summary summary = Summary.of("mix", "m", List.of(
                result("nl4opt-1", true, 1.0, null),
                result("nl4opt-2", false, 1.0 / 3, null),
                result("optibench-3", true, 2.0 / 3, true),
                result("optibench-4", false, 2.0 / 3, false)));
        assertEquals(2, summary.byBenchmark().get("nl4opt").get("count"));
        assertEquals(0.5, (double) summary.byBenchmark().get("optibench").get("strict"), 1e-12);
        assertEquals(List.of("1.00", "0.67", "0.33"), List.copyOf(summary.byConfidence().keySet()), "most agreement first");
        assertEquals(1.0, (double) summary.byConfidence().get("1.00").get("strict"), 1e-12);
        assertEquals(0.0, (double) summary.byConfidence().get("0.33").get("strict"), 1e-12);
        assertEquals(2, summary.optiBench().get("count"));
        assertEquals(0.5, (double) summary.optiBench().get("accuracy"), 1e-12);
        assertTrue(Reports.markdown(summary, List.of()).contains("| sample agreement |"));
    }

    @Test
    void withoutSamplingThereIsNoAgreementTable() {
        Summary summary = Summary.of("one", "m", List.of(result("nl4opt-1", true, 1.0, null)));
        assertTrue(summary.byConfidence().isEmpty());
    }

    @Test
    void separatesAnswersThatRestOnStatedAssumptions() {
        Summary summary = Summary.of("mix", "m", List.of(
                result("nl4opt-1", true, 1.0, null, 0),
                result("nl4opt-2", true, 1.0, null, 0),
                result("nl4opt-3", false, 1.0, null, 2),
                result("nl4opt-4", true, 1.0, null, 1),
                result("nl4opt-5", false, 1.0, null, null)));
        assertEquals(2, summary.byAssumptions().get("stated").get("count"));
        assertEquals(0.5, (double) summary.byAssumptions().get("stated").get("strict"), 1e-12);
        assertEquals(1.0, (double) summary.byAssumptions().get("none").get("strict"), 1e-12);
        assertTrue(Reports.markdown(summary, List.of()).contains("| assumptions stated |"));
        assertTrue(HtmlReport.render(summary, List.of()).contains("Accuracy with and without stated assumptions"));
        assertTrue(Summary.of("one", "m", List.of(result("nl4opt-1", true, 1.0, null, 0))).byAssumptions().isEmpty(),
                "no table when no answer states an assumption");
    }
}

package dev.optagent.solvers;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.analysis.ProblemClass;
import dev.optagent.formulation.analysis.Verification;
import dev.optagent.solvers.analysis.Sensitivity;
import dev.optagent.solvers.diagnosis.Relaxation;

import java.util.List;
import java.util.Map;

/**
 * The answer to one solve, verified.
 *
 * @param objective   recomputed from the formulation at the returned values (not the solver's own number)
 * @param variables   variable instance label ({@code ship[seattle,chicago]}) to value, in model order
 * @param optimality  "global" when the engine proves optimality, "local" for the multistart NLP engine
 * @param relaxation  for an infeasible model: the smallest change that makes it feasible (elastic relaxation)
 * @param sensitivity for an answered model: slacks of every constraint instance; shadow prices and reduced costs for
 *                    an LP (for a MILP, of the LP with the integers fixed)
 * @param message     the engine's own words, or why there is no answer
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"status", "objective", "optimality", "problemClass", "backend", "backendVersion", "variables",
        "verification", "diagnosis", "relaxation", "sensitivity", "duals", "reducedCosts", "timings", "message", "warnings"})
public record Solution(
        SolveStatus status,
        Double objective,
        String optimality,
        ProblemClass problemClass,
        String backend,
        String backendVersion,
        Map<String, Double> variables,
        Verification verification,
        Diagnosis diagnosis,
        Relaxation relaxation,
        Sensitivity sensitivity,
        Map<String, Double> duals,
        Map<String, Double> reducedCosts,
        Timings timings,
        String message,
        List<Diagnostic> warnings) {

    /** Milliseconds spent in each phase. */
    public record Timings(long compileMillis, long solveMillis, long verifyMillis, long diagnoseMillis) { }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOptimal() {
        return status == SolveStatus.OPTIMAL;
    }
}

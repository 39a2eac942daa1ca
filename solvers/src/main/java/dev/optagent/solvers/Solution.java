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
 * @param bound       the best proven bound on the optimum (a MIP engine's dual bound), when the engine gives one
 * @param gap         |objective - bound| / max(|objective|, 1e-10) for an answer with a bound: 0 when proven
 * @param scenarios   for a formulation with scenarios: each scenario's own answer, by name (this answer is the base model's)
 * @param goals       every goal of a lexicographic objective ({@code "objectives"}), in priority order; objective is the first's
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"status", "objective", "optimality", "bound", "gap", "goals", "scenarios", "problemClass", "backend", "backendVersion", "variables",
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
        List<Diagnostic> warnings,
        Double bound,
        Double gap,
        List<GoalValue> goals,
        Map<String, Solution> scenarios) {

    public Solution {
        goals = goals == null ? List.of() : List.copyOf(goals);
        scenarios = scenarios == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scenarios));
    }

    /** A lexicographic answer (no scenarios). */
    public Solution(SolveStatus status, Double objective, String optimality, ProblemClass problemClass, String backend,
                    String backendVersion, Map<String, Double> variables, Verification verification, Diagnosis diagnosis,
                    Map<String, Double> duals, Map<String, Double> reducedCosts, Timings timings, String message,
                    List<Diagnostic> warnings, Double bound, Double gap, List<GoalValue> goals) {
        this(status, objective, optimality, problemClass, backend, backendVersion, variables, verification, diagnosis,
                null, null, duals, reducedCosts, timings, message, warnings, bound, gap, goals, Map.of());
    }

    /** This (base model's) answer with the scenarios' answers attached. */
    public Solution withScenarios(Map<String, Solution> byName) {
        return new Solution(status, objective, optimality, problemClass, backend, backendVersion, variables, verification, diagnosis,
                relaxation, sensitivity, duals, reducedCosts, timings, message, warnings, bound, gap, goals, byName);
    }

    /** An answer to a single objective. */
    public Solution(SolveStatus status, Double objective, String optimality, ProblemClass problemClass, String backend,
                    String backendVersion, Map<String, Double> variables, Verification verification, Diagnosis diagnosis,
                    Map<String, Double> duals, Map<String, Double> reducedCosts, Timings timings, String message,
                    List<Diagnostic> warnings, Double bound, Double gap) {
        this(status, objective, optimality, problemClass, backend, backendVersion, variables, verification, diagnosis,
                duals, reducedCosts, timings, message, warnings, bound, gap, List.of());
    }

    /** An answer without a proven bound (LP, NLP, CP engines that give none). */
    public Solution(SolveStatus status, Double objective, String optimality, ProblemClass problemClass, String backend,
                    String backendVersion, Map<String, Double> variables, Verification verification, Diagnosis diagnosis,
                    Map<String, Double> duals, Map<String, Double> reducedCosts, Timings timings, String message,
                    List<Diagnostic> warnings) {
        this(status, objective, optimality, problemClass, backend, backendVersion, variables, verification, diagnosis,
                duals, reducedCosts, timings, message, warnings, null, null, List.of());
    }

    /** Milliseconds spent in each phase. */
    public record Timings(long compileMillis, long solveMillis, long verifyMillis, long diagnoseMillis) { }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isOptimal() {
        return status == SolveStatus.OPTIMAL;
    }
}

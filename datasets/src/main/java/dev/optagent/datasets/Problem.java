package dev.optagent.datasets;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * One benchmark problem in the normalised format: {@code id, question, answer} (null when the published
 * answer is "infeasible" / "unbounded" / "no solution"), with optional {@code type}, {@code has_table} and
 * the gold values of other reported quantities ({@code variables}, OptiBench only).
 *
 * @param scenario the scenario of the problem the gold answer refers to (a record's {@code "scenario"}), or null:
 *                 a formulation with scenarios is then scored by that scenario's answer
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String id, String question, Double answer, String type, Boolean hasTable,
                      Map<String, Double> variables, String scenario) {

    public Problem {
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public Problem(String id, String question, Double answer, String type, Boolean hasTable) {
        this(id, question, answer, type, hasTable, Map.of(), null);
    }

    public Problem(String id, String question, Double answer, String type, Boolean hasTable, Map<String, Double> variables) {
        this(id, question, answer, type, hasTable, variables, null);
    }

    public boolean expectsNoOptimum() {
        return answer == null;
    }

    /** The benchmark a problem comes from, by the id convention {@code <benchmark>-<i>}. */
    public String benchmark() {
        int dash = id.lastIndexOf('-');
        return dash > 0 ? id.substring(0, dash) : id;
    }
}

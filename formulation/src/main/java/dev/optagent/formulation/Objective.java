package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What to optimise. {@code {"sense": "feasible"}} (no expression) asks for any solution satisfying the constraints;
 * a formulation without an objective is invalid, so a pure feasibility problem is always asked for explicitly.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"sense", "expression", "description"})
public record Objective(Sense sense, String expression, String description) {

    public static Objective minimize(String expression) {
        return new Objective(Sense.MINIMIZE, expression, null);
    }

    public static Objective maximize(String expression) {
        return new Objective(Sense.MAXIMIZE, expression, null);
    }

    /** A pure feasibility problem: any solution that satisfies the constraints. */
    public static Objective feasible() {
        return new Objective(Sense.FEASIBLE, null, null);
    }

    /** True for {@code {"sense": "feasible"}}: nothing to minimize or maximize. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isFeasibility() {
        return sense == Sense.FEASIBLE;
    }
}

package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What to optimise. A formulation without an objective is a feasibility problem. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"sense", "expression", "description"})
public record Objective(Sense sense, String expression, String description) {

    public static Objective minimize(String expression) {
        return new Objective(Sense.MINIMIZE, expression, null);
    }

    public static Objective maximize(String expression) {
        return new Objective(Sense.MAXIMIZE, expression, null);
    }
}

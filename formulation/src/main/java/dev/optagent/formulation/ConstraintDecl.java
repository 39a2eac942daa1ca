package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A named family of constraints. {@code for} lists index bindings with an optional data filter
 * ({@code "p in Plants, t in T if t > 1"}); {@code if} is an enforcement condition on a binary variable
 * ({@code "open[f] == 1"}) that makes each instance an indicator constraint.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "for", "if", "expression"})
public record ConstraintDecl(
        String name,
        String description,
        @JsonProperty("for") String forall,
        @JsonProperty("if") String condition,
        String expression) {

    public static ConstraintDecl of(String name, String forall, String expression) {
        return new ConstraintDecl(name, null, forall, null, expression);
    }
}

package dev.optagent.solvers.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the optimum says about the model around it: which constraints bind, what one more unit of their
 * right-hand side is worth (the shadow price, {@code dual}), how much room the others have ({@code slack}),
 * and what each unused decision would cost ({@code reducedCost}).
 *
 * @param basis        {@code "LP"}, or {@code "LP with the integer variables fixed at their optimal values"} for a
 *                     MILP (shadow prices then hold only while the integer decisions stay as they are)
 * @param constraints  constraint instance label to its sensitivity, in model order
 * @param variables    variable instance label to its reduced cost (only when the engine returned them)
 * @param notes        the most telling facts in plain words (binding constraints by shadow price first)
 * @param ranging      how the ranges were computed, or why there are none
 * @param noPrices     why there are no shadow prices, when there are none (all-integer model, nonlinear model)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"basis", "noPrices", "constraints", "variables", "notes", "ranging"})
public record Sensitivity(String basis, Map<String, ConstraintSensitivity> constraints, Map<String, VariableSensitivity> variables,
                          List<String> notes, String ranging, String noPrices) {

    public Sensitivity {
        // Model order matters to a reader; Map.copyOf would shuffle it.
        constraints = Collections.unmodifiableMap(new LinkedHashMap<>(constraints));
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        notes = List.copyOf(notes);
    }

    /**
     * One constraint instance at the optimum.
     *
     * @param activity  the value of its expression (left-hand side, constants included)
     * @param slack     distance to the nearest finite bound; 0 when binding
     * @param dual      change of the objective per unit increase of the bound that binds (null without duals)
     * @param binding   the instance holds with equality at the optimum
     * @param range     for an LP: the values of its limit (the bound that binds; the nearest one otherwise) over which
     *                  {@code dual} stays its shadow price
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"dual", "slack", "activity", "lower", "upper", "binding", "range"})
    public record ConstraintSensitivity(Double dual, double slack, double activity, Double lower, Double upper, boolean binding, Range range) {

        ConstraintSensitivity withRange(Range next) {
            return new ConstraintSensitivity(dual, slack, activity, lower, upper, binding, next);
        }
    }

    /**
     * One variable instance at the optimum.
     *
     * @param reducedCost  change of the objective per unit the variable is forced up from where it is
     * @param costRange    for an LP: the values of its objective coefficient over which the current plan stays optimal
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "reducedCost", "costRange"})
    public record VariableSensitivity(double value, double reducedCost, Range costRange) {

        VariableSensitivity withCostRange(Range next) {
            return new VariableSensitivity(value, reducedCost, next);
        }
    }

    /**
     * A range around the current value; a null end is unlimited.
     *
     * @param current the value in the model
     * @param from    the lowest value for which the reading holds (null: no lower end)
     * @param to      the highest value (null: no upper end)
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"current", "from", "to"})
    public record Range(double current, Double from, Double to) { }
}

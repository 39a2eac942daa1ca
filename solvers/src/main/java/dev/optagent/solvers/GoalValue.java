package dev.optagent.solvers;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.optagent.formulation.Sense;

/**
 * One goal of a lexicographic answer.
 *
 * @param optimum   the goal's optimum in its own stage (with the higher goals held), null when its stage had none
 * @param value     the goal's value at the reported point (recomputed from the formulation)
 * @param allowance how much the goal was allowed to give up for the lower goals (its tolerance at that optimum)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoalValue(String name, Sense sense, Double optimum, Double value, double allowance, SolveStatus status) {
}

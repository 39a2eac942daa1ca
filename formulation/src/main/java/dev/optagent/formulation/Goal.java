package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One goal of a lexicographic (priority-ordered) objective: {@code "objectives": [...]}, highest priority first.
 * Each goal is optimised with the higher ones held at their optimum, give or take their tolerance, so ranked
 * goals ("first meet the targets, then keep overtime low") need no invented weights.
 *
 * @param tolerance         how much of this goal's optimum (absolute, in its units) lower goals may take; default 0
 * @param relativeTolerance the same as a fraction of |optimum| (0.05 = 5%); the larger of the two applies
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "sense", "expression", "tolerance", "relativeTolerance", "description"})
public record Goal(String name, Sense sense, String expression, Double tolerance, Double relativeTolerance, String description) {

    /** This goal as the single objective of one stage of the sequential solve. */
    public Objective asObjective() {
        return new Objective(sense, expression, description);
    }

    /** How far the goal may fall short of its optimum in later stages. */
    public double allowance(double optimum) {
        double absolute = tolerance == null ? 0 : Math.max(0, tolerance);
        double relative = relativeTolerance == null ? 0 : Math.max(0, relativeTolerance) * Math.abs(optimum);
        return Math.max(absolute, relative);
    }
}

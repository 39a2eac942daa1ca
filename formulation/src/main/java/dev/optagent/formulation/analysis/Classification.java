package dev.optagent.formulation.analysis;

/**
 * What the classifier saw in a grounded model.
 *
 * @param polynomial       every expression is a polynomial (possibly with abs/min/max of polynomials)
 * @param maxObjectiveDegree polynomial degree of the objective (0 when constant or absent; -1 when not polynomial)
 * @param maxConstraintDegree highest polynomial degree of any constraint (-1 when some are not polynomial)
 */
public record Classification(
        ProblemClass problemClass,
        boolean hasIntegerVariables,
        boolean allIntegerVariables,
        boolean hasIndicators,
        boolean hasPiecewiseLinear,
        boolean polynomial,
        int maxObjectiveDegree,
        int maxConstraintDegree) {
}

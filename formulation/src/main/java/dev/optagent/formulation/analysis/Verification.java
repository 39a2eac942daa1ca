package dev.optagent.formulation.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An independent check of a candidate solution against the formulation, computed without any solver.
 *
 * @param passed             every constraint, bound and integrality requirement holds within tolerance
 * @param objective          the objective recomputed from the variable values (null for feasibility problems)
 * @param maxViolation       largest constraint violation (absolute)
 * @param worstConstraint    the constraint instance with that violation (null when none is violated)
 * @param maxBoundViolation  largest distance outside a variable's bounds
 * @param maxIntegrality     largest distance of an integer variable from the nearest integer
 * @param tolerance          feasibility tolerance used (relative to the size of each bound)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Verification(
        boolean passed,
        Double objective,
        double maxViolation,
        String worstConstraint,
        double maxBoundViolation,
        String worstBound,
        double maxIntegrality,
        String worstIntegral,
        double tolerance) {
}

package dev.optagent.formulation.analysis;

import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;

/**
 * Evaluates the objective and every constraint's violation for given variable values, independent of
 * any solver: the proof that an answer holds. Tolerances are relative to the magnitude of each bound,
 * as solvers' own feasibility tolerances are.
 */
public final class SolutionCheck {

    public static final double DEFAULT_TOLERANCE = 1e-6;

    private SolutionCheck() {
    }

    public static Verification verify(GroundModel model, double[] values) {
        return verify(model, values, DEFAULT_TOLERANCE);
    }

    public static Verification verify(GroundModel model, double[] values, double tolerance) {
        boolean passed = true;
        double maxViolation = 0;
        String worstConstraint = null;
        for (GroundConstraint constraint : model.constraints()) {
            double violation = constraint.violation(values);
            double scale = 1 + Math.max(finiteAbs(constraint.lower()), finiteAbs(constraint.upper()));
            if (violation > tolerance * scale) passed = false;
            if (violation > maxViolation) {
                maxViolation = violation;
                worstConstraint = constraint.label();
            }
        }
        double maxBound = 0;
        String worstBound = null;
        double maxIntegrality = 0;
        String worstIntegral = null;
        for (VariableInstance variable : model.variables()) {
            double value = values[variable.index()];
            if (Double.isNaN(value)) {
                passed = false;
                maxBound = Double.POSITIVE_INFINITY;
                worstBound = variable.label();
                continue;
            }
            double outside = Math.max(variable.lower() - value, value - variable.upper());
            if (outside > tolerance * (1 + Math.abs(value)) ) passed = false;
            if (outside > maxBound) {
                maxBound = outside;
                worstBound = variable.label();
            }
            if (variable.isDiscrete()) {
                double fraction = Math.abs(value - Math.rint(value));
                if (fraction > tolerance * 10) passed = false;
                if (fraction > maxIntegrality) {
                    maxIntegrality = fraction;
                    worstIntegral = variable.label();
                }
            }
        }
        Double objective = model.hasObjective() ? model.objectiveValue(values) : null;
        if (objective != null && !Double.isFinite(objective)) passed = false;
        return new Verification(passed, objective, maxViolation, worstConstraint, maxBound, worstBound,
                maxIntegrality, worstIntegral, tolerance);
    }

    private static double finiteAbs(double bound) {
        return Double.isInfinite(bound) ? 0 : Math.abs(bound);
    }
}

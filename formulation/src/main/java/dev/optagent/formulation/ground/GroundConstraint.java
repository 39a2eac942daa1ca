package dev.optagent.formulation.ground;

/**
 * One constraint instance {@code lower <= body <= upper} (either bound may be infinite), optionally
 * enforced only when a binary variable takes a value (an indicator constraint).
 *
 * @param family             the declared constraint name
 * @param label              the instance, as {@code supply_limit[seattle]}
 * @param indicatorVariable  the enforcing binary variable instance, or -1
 * @param indicatorValue     the value (0 or 1) of that variable under which the row must hold
 */
public record GroundConstraint(String family, String label, GroundExpr body, double lower, double upper,
                               int indicatorVariable, boolean indicatorValue) {

    public boolean isIndicator() {
        return indicatorVariable >= 0;
    }

    public boolean isEquality() {
        return lower == upper;
    }

    /** How far the instance is from holding at the given values (0 when satisfied or not enforced). */
    public double violation(double[] values) {
        if (isIndicator() && (values[indicatorVariable] > 0.5) != indicatorValue) return 0;
        double activity = body.evaluate(values);
        if (Double.isNaN(activity)) return Double.POSITIVE_INFINITY;
        return Math.max(0, Math.max(lower - activity, activity - upper));
    }
}

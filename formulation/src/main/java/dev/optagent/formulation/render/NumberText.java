package dev.optagent.formulation.render;

/**
 * Numbers as LP and MPS readers take them: integers without a decimal point, everything else as the
 * shortest decimal that reads back to the same double (so an export round-trips exactly).
 */
final class NumberText {

    private NumberText() {
    }

    static String of(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        return Double.toString(value).replace('E', 'e');
    }
}

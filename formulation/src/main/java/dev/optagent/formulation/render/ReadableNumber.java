package dev.optagent.formulation.render;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers for people (answers, reports): solver noise such as 325.00000000000006 reads as the integer it is,
 * everything else with six significant digits and no trailing zeros — 2.5, 1234.57, 1.5E-7. Exports use the
 * shortest exact decimal instead, so that a model reads back unchanged.
 */
public final class ReadableNumber {

    private ReadableNumber() {
    }

    public static String of(double value) {
        return of(value, 6);
    }

    /** With the given number of significant digits (reports that score to 1e-6 show more, so a miss shows). */
    public static String of(double value, int significantDigits) {
        if (!Double.isFinite(value)) return Double.toString(value);
        double magnitude = Math.abs(value);
        if (Math.abs(value - Math.rint(value)) <= 1e-9 * Math.max(1, magnitude) && magnitude < 1e15) {
            return Long.toString((long) Math.rint(value));
        }
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(significantDigits)).stripTrailingZeros();
        return magnitude >= 1e-4 && magnitude < 1e15 ? rounded.toPlainString() : rounded.toString();
    }
}

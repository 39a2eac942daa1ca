package dev.optagent.tuning.space;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One tuned parameter. Two coordinate systems: the <em>unit</em> coordinate (one number in [0, 1) per
 * parameter, what designs and the acquisition search move in) and the <em>features</em> the Gaussian process
 * sees ({@link #width()} numbers in [0, 1]: one for numbers and booleans, one-hot for categories).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = FloatParameter.class, name = "float"),
        @JsonSubTypes.Type(value = IntParameter.class, name = "int"),
        @JsonSubTypes.Type(value = CategoricalParameter.class, name = "categorical"),
        @JsonSubTypes.Type(value = BooleanParameter.class, name = "bool")})
public sealed interface Parameter permits FloatParameter, IntParameter, CategoricalParameter, BooleanParameter {

    String name();

    /** What the parameter means, in the user's words (shown to the language model). */
    String description();

    /** When the parameter is active; null means always. */
    Condition when();

    /** The value at unit coordinate u in [0, 1). */
    Object fromUnit(double u);

    /** The unit coordinate of a value (the centre of its cell for discrete values). */
    double toUnit(Object value);

    /** Number of GP features. */
    default int width() {
        return 1;
    }

    /** Writes the GP features of a value. */
    default void features(Object value, double[] out, int offset) {
        out[offset] = toUnit(value);
    }

    /** Checks and normalises a value given by a person or a model ("0.5" → 0.5, 3.0 → 3 for integers). */
    Object coerce(Object raw);

    /** Type and range in words, for prompts and reports. */
    String domain();

    static IllegalArgumentException invalid(String name, Object raw, String expected) {
        return new IllegalArgumentException("parameter '" + name + "': " + (raw == null ? "no value" : "'" + raw + "'")
                + " is not " + expected);
    }

    static double number(String name, Object raw, String expected) {
        if (raw instanceof Number n) return n.doubleValue();
        if (raw instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw invalid(name, raw, expected);
            }
        }
        throw invalid(name, raw, expected);
    }
}

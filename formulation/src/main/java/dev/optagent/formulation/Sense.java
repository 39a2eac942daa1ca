package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Direction of optimisation. */
public enum Sense {
    MINIMIZE, MAXIMIZE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Sense parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "minimize", "minimise", "min" -> MINIMIZE;
            case "maximize", "maximise", "max" -> MAXIMIZE;
            default -> throw new IllegalArgumentException(
                    "unknown objective sense '" + text + "'; expected minimize or maximize");
        };
    }

    /** +1 for minimisation, -1 for maximisation: multiply to compare objective values as "lower is better". */
    public double sign() {
        return this == MINIMIZE ? 1 : -1;
    }
}

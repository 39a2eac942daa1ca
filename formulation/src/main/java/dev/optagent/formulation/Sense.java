package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Direction of optimisation, or {@link #FEASIBLE}: the explicit way to ask for any solution that satisfies the
 * constraints (a missing objective is an error, so a forgotten one is never silently read as "anything goes").
 */
public enum Sense {
    MINIMIZE, MAXIMIZE, FEASIBLE;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Sense parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "minimize", "minimise", "min" -> MINIMIZE;
            case "maximize", "maximise", "max" -> MAXIMIZE;
            case "feasible" -> FEASIBLE;
            default -> throw new IllegalArgumentException(
                    "unknown objective sense '" + text + "'; expected minimize, maximize or feasible");
        };
    }

    /** +1 for minimisation, -1 for maximisation, 0 for feasibility: multiply to compare objective values as "lower is better". */
    public double sign() {
        return switch (this) {
            case MINIMIZE -> 1;
            case MAXIMIZE -> -1;
            case FEASIBLE -> 0;
        };
    }
}

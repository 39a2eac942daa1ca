package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** Domain of a decision variable. */
public enum VariableType {
    CONTINUOUS, INTEGER, BINARY;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static VariableType parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "continuous", "real", "float", "double" -> CONTINUOUS;
            case "integer", "int", "general" -> INTEGER;
            case "binary", "bool", "boolean" -> BINARY;
            default -> throw new IllegalArgumentException(
                    "unknown variable type '" + text + "'; expected continuous, integer or binary");
        };
    }

    public boolean isDiscrete() {
        return this != CONTINUOUS;
    }
}

package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A decision. {@code lower} defaults to 0 (the OR convention) and {@code upper} to +infinity. A bound
 * is a number, {@code "-inf"}/{@code "inf"}, or the name of a parameter with the same index (per-element
 * bounds). A free variable is written {@code "lower": "-inf"}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "description", "index", "type", "lower", "upper", "unit"})
public record VariableDecl(
        String name,
        String description,
        List<String> index,
        VariableType type,
        JsonNode lower,
        JsonNode upper,
        String unit) {

    public VariableDecl {
        index = index == null ? List.of() : List.copyOf(index);
        type = type == null ? VariableType.CONTINUOUS : type;
    }

    public static VariableDecl of(String name, List<String> index, VariableType type) {
        return new VariableDecl(name, null, index, type, null, null, null);
    }

    /** A copy with numeric bounds (null keeps the default: 0 below, none above). */
    public VariableDecl withBounds(Double newLower, Double newUpper) {
        var nodes = FormulationJson.mapper();
        return new VariableDecl(name, description, index, type, newLower == null ? lower : nodes.valueToTree(newLower),
                newUpper == null ? upper : nodes.valueToTree(newUpper), unit);
    }

    public VariableDecl withUnit(String newUnit) {
        return new VariableDecl(name, description, index, type, lower, upper, newUnit);
    }

    public VariableDecl withDescription(String text) {
        return new VariableDecl(name, text, index, type, lower, upper, unit);
    }
}

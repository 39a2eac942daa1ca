package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Given data. A scalar has {@code value}; an indexed parameter has {@code index} (set names) and
 * {@code values}, either dense nested arrays in set order or an object keyed by element names (nested
 * per index position; a tuple element is keyed "a,b"). Keys missing from the object form take
 * {@code default} when one is given.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "description", "index", "value", "values", "default", "unit"})
public record ParameterDecl(
        String name,
        String description,
        List<String> index,
        Double value,
        JsonNode values,
        @com.fasterxml.jackson.annotation.JsonProperty("default") Double defaultValue,
        String unit) {

    public ParameterDecl {
        index = index == null ? List.of() : List.copyOf(index);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isScalar() {
        return index.isEmpty();
    }

    public static ParameterDecl scalar(String name, double value) {
        return new ParameterDecl(name, null, List.of(), value, null, null, null);
    }

    /**
     * An indexed parameter from a map keyed by element names, nested once per index:
     * {@code indexed("dist", List.of("Plants", "Markets"), Map.of("seattle", Map.of("chicago", 1.7), ...))}.
     * Values are numbers (or nested maps); the same checks as for JSON data apply when the model is built.
     */
    public static ParameterDecl indexed(String name, List<String> index, java.util.Map<String, ?> values) {
        return new ParameterDecl(name, null, index, null, FormulationJson.mapper().valueToTree(values), null, null);
    }

    /** A one-index parameter from values in the order of its set's elements. */
    public static ParameterDecl dense(String name, String set, double... values) {
        return new ParameterDecl(name, null, List.of(set), null, FormulationJson.mapper().valueToTree(values), null, null);
    }

    public ParameterDecl withUnit(String newUnit) {
        return new ParameterDecl(name, description, index, value, values, defaultValue, newUnit);
    }

    public ParameterDecl withDescription(String text) {
        return new ParameterDecl(name, text, index, value, values, defaultValue, unit);
    }

    /** The value of keys left out of a map. */
    public ParameterDecl withDefault(double newDefault) {
        return new ParameterDecl(name, description, index, value, values, newDefault, unit);
    }
}

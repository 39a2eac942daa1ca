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
}

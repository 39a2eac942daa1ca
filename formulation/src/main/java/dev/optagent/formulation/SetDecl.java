package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * An index set: either listed {@code elements} (strings, integers or tuples written as arrays) or an
 * inclusive integer {@code range} [first, last]. Order matters: it is the order of dense parameter data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "description", "elements", "range"})
public record SetDecl(String name, String description, List<JsonNode> elements, List<Long> range) {

    public SetDecl {
        elements = elements == null ? null : List.copyOf(elements);
        range = range == null ? null : List.copyOf(range);
    }

    public static SetDecl ofRange(String name, long first, long last) {
        return new SetDecl(name, null, null, List.of(first, last));
    }
}

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

    /** {@code SetDecl.of("Products", "chair", "table")}: a set of named elements, in this order. */
    public static SetDecl of(String name, String... elements) {
        return new SetDecl(name, null, java.util.Arrays.stream(elements)
                .map(e -> (JsonNode) com.fasterxml.jackson.databind.node.TextNode.valueOf(e)).toList(), null);
    }

    /** A set of numbered elements ({@code 1, 2, 5}), for data keyed by numbers. */
    public static SetDecl ofNumbers(String name, long... elements) {
        return new SetDecl(name, null, java.util.Arrays.stream(elements)
                .mapToObj(e -> (JsonNode) com.fasterxml.jackson.databind.node.LongNode.valueOf(e)).toList(), null);
    }

    public SetDecl withDescription(String text) {
        return new SetDecl(name, text, elements, range);
    }

    public static SetDecl ofRange(String name, long first, long last) {
        return new SetDecl(name, null, null, List.of(first, last));
    }
}

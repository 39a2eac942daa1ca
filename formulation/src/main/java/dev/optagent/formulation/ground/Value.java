package dev.optagent.formulation.ground;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A data value: a set element or a number. Integer elements are numbers, so {@code t - 1} works. */
public sealed interface Value {

    /** How the value is written in labels and keys: {@code 3}, {@code seattle}, {@code (s,a)}. */
    String label();

    record Num(double value) implements Value {
        @Override
        public String label() {
            return format(value);
        }

        @Override
        public boolean equals(Object other) {
            // Element lookup must treat 3 and 3.0 alike; Double.compare would also separate 0.0 and -0.0.
            return other instanceof Num num && num.value == value;
        }

        @Override
        public int hashCode() {
            return Double.hashCode(value == 0 ? 0 : value);
        }
    }

    record Text(String value) implements Value {
        @Override
        public String label() {
            return value;
        }
    }

    record Tuple(List<Value> items) implements Value {
        public Tuple {
            items = List.copyOf(items);
        }

        @Override
        public String label() {
            return items.stream().map(Value::label).collect(Collectors.joining(",", "(", ")"));
        }
    }

    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }

    /** A set element as written in JSON: a string, a number, or an array (a tuple). */
    static Value ofElement(JsonNode node) {
        if (node.isNumber()) return new Num(node.doubleValue());
        if (node.isTextual()) return new Text(node.textValue());
        if (node.isArray()) {
            List<Value> items = new ArrayList<>();
            for (JsonNode item : node) {
                if (item.isArray()) throw new IllegalArgumentException("nested tuples are not supported: " + node);
                items.add(ofElement(item));
            }
            if (items.size() < 2) throw new IllegalArgumentException("a tuple needs at least two items: " + node);
            return new Tuple(items);
        }
        throw new IllegalArgumentException("an element must be a string, a number or an array (a tuple), not " + node);
    }

    /** Number of atoms: 1 for strings and numbers, the tuple length for tuples. */
    default int arity() {
        return this instanceof Tuple tuple ? tuple.items().size() : 1;
    }
}

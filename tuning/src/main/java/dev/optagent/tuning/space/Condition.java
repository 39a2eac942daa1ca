package dev.optagent.tuning.space;

import java.util.List;

/** A conditional parameter is active only when another (categorical or boolean) parameter takes one of these values. */
public record Condition(String parent, List<Object> values) {

    public Condition {
        values = List.copyOf(values);
    }

    public boolean holds(Object parentValue) {
        return parentValue != null && values.stream().anyMatch(v -> String.valueOf(v).equals(String.valueOf(parentValue)));
    }
}

package dev.optagent.formulation.ground;

import dev.optagent.formulation.VariableType;

import java.util.List;
import java.util.stream.Collectors;

/** One scalar decision variable: an element of a declared variable block, with its bounds. */
public record VariableInstance(int index, String block, List<Value> key, VariableType type, double lower, double upper) {

    public VariableInstance {
        key = List.copyOf(key);
    }

    /** {@code ship[seattle,chicago]}, or just {@code z} for a scalar. */
    public String label() {
        if (key.isEmpty()) return block;
        return key.stream().map(Value::label).collect(Collectors.joining(",", block + "[", "]"));
    }

    public boolean isDiscrete() {
        return type.isDiscrete();
    }
}

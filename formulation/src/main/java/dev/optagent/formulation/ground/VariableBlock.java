package dev.optagent.formulation.ground;

import dev.optagent.formulation.VariableType;

import java.util.List;

/** A declared variable with its index sets; its instances occupy [offset, offset + size) of the model. */
public record VariableBlock(String name, List<IndexSet> index, VariableType type, int offset, int size) {

    public VariableBlock {
        index = List.copyOf(index);
    }
}

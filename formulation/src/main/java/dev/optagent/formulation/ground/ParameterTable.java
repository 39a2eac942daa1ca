package dev.optagent.formulation.ground;

import java.util.List;

/** Dense numeric data of one parameter over the product of its index sets (NaN marks "no value"). */
public final class ParameterTable {

    private final String name;
    private final List<IndexSet> index;
    private final double[] data;

    ParameterTable(String name, List<IndexSet> index, double[] data) {
        this.name = name;
        this.index = List.copyOf(index);
        this.data = data;
    }

    public String name() {
        return name;
    }

    public List<IndexSet> index() {
        return index;
    }

    public boolean isScalar() {
        return index.isEmpty();
    }

    /** The value at a flat position (see {@link Indexing#offset}); NaN when the data has no entry. */
    public double at(int offset) {
        return data[offset];
    }

    public int size() {
        return data.length;
    }
}

package dev.optagent.formulation.ground;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A declared set with its elements in order and an element-to-position lookup. */
public final class IndexSet {

    private final String name;
    private final List<Value> elements;
    private final Map<Value, Integer> positions;
    private final int arity;

    IndexSet(String name, List<Value> elements) {
        this.name = name;
        this.elements = List.copyOf(elements);
        this.positions = HashMap.newHashMap(elements.size());
        for (int i = 0; i < elements.size(); i++) {
            positions.putIfAbsent(elements.get(i), i);
        }
        this.arity = elements.isEmpty() ? 1 : elements.getFirst().arity();
    }

    public String name() {
        return name;
    }

    public List<Value> elements() {
        return elements;
    }

    public int size() {
        return elements.size();
    }

    public int arity() {
        return arity;
    }

    /** Position of an element, or -1 when it is not a member. */
    public int position(Value element) {
        Integer position = positions.get(element);
        return position == null ? -1 : position;
    }

    public boolean contains(Value element) {
        return positions.containsKey(element);
    }

    /** Finds an element by how it is written ("seattle", "3", "s,a" or "(s, a)"), for object-form data. */
    public Value byLabel(String key) {
        String wanted = normaliseKey(key);
        for (Value element : elements) {
            if (normaliseKey(element.label()).equals(wanted)) return element;
        }
        return null;
    }

    private static String normaliseKey(String key) {
        String trimmed = key.replace(" ", "").replace("(", "").replace(")", "").replace("'", "").replace("\"", "");
        if (trimmed.endsWith(".0")) trimmed = trimmed.substring(0, trimmed.length() - 2);
        return trimmed;
    }

    @Override
    public String toString() {
        return name;
    }
}

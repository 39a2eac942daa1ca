package dev.optagent.formulation.ground;

import java.util.ArrayList;
import java.util.List;

/**
 * Maps index values to flat positions over a product of sets. An argument list is flattened to atoms
 * first and regrouped by set arity, so {@code cost[i, j]} and {@code cost[a]} (with {@code a} bound to a
 * tuple) both address a parameter indexed by a tuple set {@code Arcs}.
 */
final class Indexing {

    private Indexing() {
    }

    static int totalArity(List<IndexSet> sets) {
        int arity = 0;
        for (IndexSet set : sets) arity += set.arity();
        return arity;
    }

    static List<Value> atoms(List<Value> args) {
        List<Value> atoms = new ArrayList<>(args.size());
        for (Value arg : args) {
            if (arg instanceof Value.Tuple tuple) atoms.addAll(tuple.items());
            else atoms.add(arg);
        }
        return atoms;
    }

    /** Regroups atoms into one element per set. Assumes the atom count equals the total arity. */
    static List<Value> elements(List<IndexSet> sets, List<Value> atoms) {
        List<Value> key = new ArrayList<>(sets.size());
        int at = 0;
        for (IndexSet set : sets) {
            if (set.arity() == 1) {
                key.add(atoms.get(at++));
            } else {
                key.add(new Value.Tuple(atoms.subList(at, at + set.arity())));
                at += set.arity();
            }
        }
        return key;
    }

    /**
     * Flat offset of a key (one element per set), or -(k + 1) when the element for set k is not a member.
     */
    static int offset(List<IndexSet> sets, List<Value> key) {
        int offset = 0;
        for (int k = 0; k < sets.size(); k++) {
            IndexSet set = sets.get(k);
            int position = set.position(key.get(k));
            if (position < 0) return -(k + 1);
            offset = offset * set.size() + position;
        }
        return offset;
    }

    static int size(List<IndexSet> sets) {
        long size = 1;
        for (IndexSet set : sets) {
            size *= set.size();
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("the index product " + sets + " has more than 2^31 elements");
            }
        }
        return (int) size;
    }

    /** Every key of the product, in set order (row-major, matching dense data). */
    static List<List<Value>> keys(List<IndexSet> sets) {
        List<List<Value>> keys = new ArrayList<>(size(sets));
        collect(sets, 0, new ArrayList<>(), keys);
        return keys;
    }

    private static void collect(List<IndexSet> sets, int depth, List<Value> prefix, List<List<Value>> out) {
        if (depth == sets.size()) {
            out.add(List.copyOf(prefix));
            return;
        }
        for (Value element : sets.get(depth).elements()) {
            prefix.add(element);
            collect(sets, depth + 1, prefix, out);
            prefix.removeLast();
        }
    }
}

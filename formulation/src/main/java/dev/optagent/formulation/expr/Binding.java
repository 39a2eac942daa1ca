package dev.optagent.formulation.expr;

import java.util.List;

/**
 * {@code i in I} or {@code (i, j) in Arcs}, with an optional filter that may use every index bound so far.
 *
 * @param names  one name, or one per tuple position
 * @param filter null when absent
 */
public record Binding(List<String> names, List<Span> nameSpans, String set, Span setSpan, Expr filter, Span span) {

    public Binding {
        names = List.copyOf(names);
        nameSpans = List.copyOf(nameSpans);
    }

    public Binding withFilter(Expr newFilter) {
        return new Binding(names, nameSpans, set, setSpan, newFilter, span);
    }
}

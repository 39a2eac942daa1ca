package dev.optagent.formulation.expr;

/** Character range [start, end) of a piece of expression text. */
public record Span(int start, int end) {

    public Span to(Span other) {
        return new Span(Math.min(start, other.start), Math.max(end, other.end));
    }
}

package dev.optagent.formulation.expr;

/** A lexical token; {@code text} is the normalised symbol for operators (e.g. "≤" becomes "<="). */
record Token(Kind kind, String text, double number, int start, int end) {

    enum Kind { NUMBER, STRING, NAME, SYMBOL, END }

    boolean is(String symbol) {
        return (kind == Kind.SYMBOL || kind == Kind.NAME) && text.equals(symbol);
    }

    Span span() {
        return new Span(start, end);
    }

    String describe() {
        return switch (kind) {
            case END -> "end of expression";
            case STRING -> "'" + text + "'";
            default -> "'" + text + "'";
        };
    }
}

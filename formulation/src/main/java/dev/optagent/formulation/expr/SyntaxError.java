package dev.optagent.formulation.expr;

/** A syntax error at a character offset, with what the parser expected there. */
public class SyntaxError extends RuntimeException {

    private final int position;
    private final String expected;

    public SyntaxError(int position, String message, String expected) {
        super(message);
        this.position = position;
        this.expected = expected;
    }

    public int position() {
        return position;
    }

    public String expected() {
        return expected;
    }
}

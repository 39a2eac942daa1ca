package dev.optagent.solvers;

/** The chosen engine cannot represent this model exactly; the message says what to change. */
public class UnsupportedModelException extends RuntimeException {

    public UnsupportedModelException(String message) {
        super(message);
    }
}

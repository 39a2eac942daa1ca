package dev.optagent.eval;

/** A run that cannot start or cannot count, said for the user: a locked output directory, nothing to run. */
public class EvalException extends RuntimeException {

    public EvalException(String message) {
        super(message);
    }
}

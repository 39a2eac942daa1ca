package dev.optagent.formulation.ground;

import dev.optagent.formulation.Diagnostic;

/** A problem met while instantiating an expression, located at the instance where it happened. */
final class GroundingError extends RuntimeException {

    private final String element;
    private final String field;
    private final int position;
    private final String expected;
    private final String suggestion;
    private final String instance;

    GroundingError(String element, String field, int position, String message, String expected, String suggestion, String instance) {
        super(message);
        this.element = element;
        this.field = field;
        this.position = position;
        this.expected = expected;
        this.suggestion = suggestion;
        this.instance = instance;
    }

    Diagnostic toDiagnostic() {
        String where = instance == null ? "" : " (in instance " + instance + ")";
        Diagnostic d = Diagnostic.error("grounding", element, field, position, getMessage() + where);
        if (expected != null) d = d.expecting(expected);
        if (suggestion != null) d = d.suggesting(suggestion);
        return d;
    }
}

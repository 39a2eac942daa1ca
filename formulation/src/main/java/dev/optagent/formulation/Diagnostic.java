package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem found in a formulation, worded for an LLM (or a person) to fix: where it is (the element,
 * the field, the character offset in the expression), what was found, what was expected, and a
 * "did you mean" suggestion for unknown names.
 *
 * @param element  "constraint demand_met", "parameter supply", "objective", ...
 * @param field    "expression", "for", "if", "values", "lower", ... (null for the element as a whole)
 * @param position 0-based character offset into the field's text, or -1
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Diagnostic(
        Severity severity,
        String code,
        String element,
        String field,
        int position,
        String message,
        String expected,
        String suggestion) {

    public enum Severity { ERROR, WARNING }

    public static Diagnostic error(String code, String element, String field, int position, String message) {
        return new Diagnostic(Severity.ERROR, code, element, field, position, message, null, null);
    }

    public static Diagnostic warning(String code, String element, String field, String message) {
        return new Diagnostic(Severity.WARNING, code, element, field, -1, message, null, null);
    }

    public Diagnostic expecting(String what) {
        return new Diagnostic(severity, code, element, field, position, message, what, suggestion);
    }

    public Diagnostic suggesting(String what) {
        return new Diagnostic(severity, code, element, field, position, message, expected, what);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** One line: {@code ERROR constraint demand_met, expression at 14: unknown name 'demnd' (did you mean 'demand'?)}. */
    @Override
    public String toString() {
        return severity.name() + ' ' + withoutSeverity();
    }

    /** The line without its severity, for reports that state the severity their own way. */
    public String withoutSeverity() {
        StringBuilder line = new StringBuilder();
        if (element != null) line.append(element);
        if (field != null) line.append(element != null ? ", " : "").append(field);
        if (position >= 0) line.append(" at ").append(position);
        line.append(": ").append(message);
        if (expected != null) line.append("; expected ").append(expected);
        if (suggestion != null) line.append(" (did you mean ").append(suggestion).append("?)");
        return line.toString();
    }
}

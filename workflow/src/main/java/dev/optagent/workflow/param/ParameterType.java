package dev.optagent.workflow.param;

/** The kinds of value a workflow parameter holds. */
public enum ParameterType {
    /** A prompt part (instructions); must keep its placeholders and still render. */
    TEXT,
    /** A real number within a range (a temperature). */
    NUMBER,
    /** A whole number within a range (repair rounds, samples). */
    INTEGER,
    /** One of a listed set of values (a prompt version). */
    CHOICE,
    /** On or off (a stage, a policy). */
    BOOLEAN
}

package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * What an insight did for one task (AlphaOPT's labels): retrieved and the task was solved (helped), retrieved and the
 * task failed because of it (misled), retrieved but not applied or not relevant (irrelevant), retrieved for a task
 * that failed for another reason (invalid), not retrieved where it would have helped (missed).
 */
public enum Outcome {
    HELPED, MISLED, IRRELEVANT, INVALID, MISSED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Outcome of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("evidence is one of helped, misled, irrelevant, invalid, missed, not '" + text + "'");
        }
    }
}

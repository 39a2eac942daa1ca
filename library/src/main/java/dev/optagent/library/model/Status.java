package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/** An insight's life: a candidate waits for verification (or approval), an active one is retrieved, a retired one is kept in history. */
public enum Status {
    CANDIDATE, ACTIVE, RETIRED;

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Status of(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("status is one of candidate, active, retired, not '" + text + "'");
        }
    }
}

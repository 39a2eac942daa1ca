package dev.optagent.agent.insight;

import java.util.Objects;

/**
 * One lesson for the model, in the spirit of AlphaOPT's solver-verified insights: a short piece of modeling
 * advice that applies to some problems ("a 'more than' between whole quantities is >= other + 1").
 *
 * @param id        stable identifier, recorded in the trace of every call that used it
 * @param text      the advice as the model reads it, one or two sentences
 * @param origin    where it comes from (an experience library and its version, a person), for provenance
 * @param condition when it applies and when it does not, in the problem's terms; read only by an applicability check
 *                  (the {@code insights@3} prompt), never shown in the stage's own prompt; null when unknown
 */
public record Insight(String id, String text, String origin, String condition) {

    public Insight {
        Objects.requireNonNull(id, "an insight needs an id");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("insight " + id + " has no text");
        if (condition != null && condition.isBlank()) condition = null;
    }

    /** A lesson without a stated condition: shown whenever its source offers it. */
    public Insight(String id, String text, String origin) {
        this(id, text, origin, null);
    }
}

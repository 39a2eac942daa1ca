package dev.optagent.agent.insight;

import java.util.Objects;

/**
 * One lesson for the model, in the spirit of AlphaOPT's solver-verified insights: a short piece of modeling
 * advice that applies to some problems ("a 'more than' between whole quantities is >= other + 1").
 *
 * @param id     stable identifier, recorded in the trace of every call that used it
 * @param text   the advice as the model reads it, one or two sentences
 * @param origin where it comes from (an experience library and its version, a person), for provenance
 */
public record Insight(String id, String text, String origin) {

    public Insight {
        Objects.requireNonNull(id, "an insight needs an id");
        if (text == null || text.isBlank()) throw new IllegalArgumentException("insight " + id + " has no text");
    }
}

package dev.optagent.library.model;

import java.util.Objects;

/**
 * Where an insight sits: the agent stage it advises (formulate, repair, revise), then a level-1 track (domain
 * modeling, general formulation, language use) and a level-2 label (blending, big-M and indicators, ...).
 */
public record Taxonomy(String stage, String level1, String level2) {

    public Taxonomy {
        Objects.requireNonNull(stage, "a taxonomy needs a stage");
        Objects.requireNonNull(level1, "a taxonomy needs a level-1 label");
        Objects.requireNonNull(level2, "a taxonomy needs a level-2 label");
    }

    /** {@code formulate / general formulation / big-M and indicators}. */
    public String path() {
        return stage + " / " + level1 + " / " + level2;
    }
}

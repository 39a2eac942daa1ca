package dev.optagent.library.learn;

import dev.optagent.library.model.Example;
import dev.optagent.library.model.Taxonomy;

/** An insight as the diagnosis proposes it, before it has an id or any evidence. */
public record Proposal(Taxonomy taxonomy, String condition, String explanation, Example example) {
}

package dev.optagent.library.model;

/** A wrong and a right fragment in OptAgent's formulation language (JSON snippets), written fresh, never benchmark text. */
public record Example(String wrong, String right) {
}

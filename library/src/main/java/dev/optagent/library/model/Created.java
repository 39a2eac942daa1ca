package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Provenance of one insight version.
 *
 * @param date  ISO date it was written
 * @param model the model that wrote it (or "person" for a hand-written one)
 * @param by    how: {@code learn}, {@code merge}, {@code refine}, {@code user}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Created(String date, String model, String by) {
}

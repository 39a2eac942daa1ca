package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A candidate that did not verify, kept with the reason so a reviewer sees what the loop refused and why.
 *
 * @param kind   {@code candidate} (a new insight) or {@code merge}
 * @param reason e.g. "re-solved 1 of 3 times (needs 2)", "regressed on task X", "not retrieved for its own task"
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Rejection(String id, String kind, String task, Taxonomy taxonomy, String condition, String reason, String date) {
}

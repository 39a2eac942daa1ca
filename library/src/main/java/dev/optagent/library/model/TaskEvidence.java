package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/** One task's verdict on an insight, with the date and a short note (which sample, which check). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskEvidence(String task, Outcome outcome, String date, String note) {

    public TaskEvidence {
        Objects.requireNonNull(task, "evidence names its task");
        Objects.requireNonNull(outcome, "evidence has an outcome");
    }
}

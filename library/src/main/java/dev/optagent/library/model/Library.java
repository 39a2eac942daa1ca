package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A whole experience library as one immutable value: what the JSON file holds and what a store loads.
 *
 * @param format        {@code optagent-library/1}
 * @param labelsAdded   taxonomy labels the model proposed beyond the seed taxonomy (taxonomy drift, made visible)
 * @param rejected      candidates and merges that did not verify, with reasons
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"format", "name", "provenance", "labelsAdded", "insights", "rejected"})
public record Library(String format, String name, Provenance provenance, List<Taxonomy> labelsAdded, List<Insight> insights,
                      List<Rejection> rejected) {

    public static final String FORMAT = "optagent-library/1";

    public Library {
        format = format == null ? FORMAT : format;
        if (!FORMAT.equals(format)) throw new IllegalArgumentException("unknown library format '" + format + "' (expected " + FORMAT + ")");
        labelsAdded = labelsAdded == null ? List.of() : List.copyOf(labelsAdded);
        insights = insights == null ? List.of() : List.copyOf(insights);
        rejected = rejected == null ? List.of() : List.copyOf(rejected);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Insight insight : insights) {
            if (!ids.add(insight.id())) throw new IllegalArgumentException("the library holds insight " + insight.id() + " twice");
        }
    }

    public static Library empty(String name, Provenance provenance) {
        return new Library(FORMAT, name, provenance, List.of(), List.of(), List.of());
    }

    public List<Insight> active() {
        return insights.stream().filter(Insight::active).toList();
    }

    public Optional<Insight> find(String id) {
        return insights.stream().filter(insight -> insight.id().equals(id)).findFirst();
    }

    /** This library with {@code insight} added, or replacing the one with its id. */
    public Library with(Insight insight) {
        List<Insight> next = new ArrayList<>();
        boolean replaced = false;
        for (Insight old : insights) {
            if (old.id().equals(insight.id())) {
                next.add(insight);
                replaced = true;
            } else {
                next.add(old);
            }
        }
        if (!replaced) next.add(insight);
        return new Library(format, name, provenance, labelsAdded, next, rejected);
    }

    public Library update(String id, UnaryOperator<Insight> change) {
        return find(id).map(old -> with(change.apply(old))).orElse(this);
    }

    public Library without(String id) {
        return new Library(format, name, provenance, labelsAdded, insights.stream().filter(i -> !i.id().equals(id)).toList(), rejected);
    }

    public Library withRejection(Rejection rejection) {
        List<Rejection> next = new ArrayList<>(rejected);
        if (rejected.stream().noneMatch(old -> old.id() != null && old.id().equals(rejection.id()) && java.util.Objects.equals(old.reason(), rejection.reason()))) {
            next.add(rejection);
        }
        return new Library(format, name, provenance, labelsAdded, insights, next);
    }

    public Library withLabel(Taxonomy label) {
        if (labelsAdded.contains(label)) return this;
        List<Taxonomy> next = new ArrayList<>(labelsAdded);
        next.add(label);
        return new Library(format, name, provenance, next, insights, rejected);
    }

    public Library withProvenance(Provenance next) {
        return new Library(format, name, next, labelsAdded, insights, rejected);
    }
}

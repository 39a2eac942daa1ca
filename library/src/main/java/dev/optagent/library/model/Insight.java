package dev.optagent.library.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Objects;

/**
 * One solver-verified lesson (AlphaOPT's insight, in OptAgent's terms).
 *
 * @param id           stable id, recorded in the trace of every call that showed it
 * @param version      1 when learned; +1 for each accepted rewrite
 * @param lineage      the ids it was merged or refined from
 * @param status       candidate, active or retired
 * @param statusReason why it has that status (verified on which tasks, retired because ...)
 * @param condition    when it applies and when it does NOT, in the problem's terms
 * @param explanation  best practice, common mistake, why it happens, the general principle
 * @param example      a wrong and a right fragment in the formulation language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "version", "status", "statusReason", "taxonomy", "condition", "explanation", "example", "evidence",
        "lineage", "created"})
public record Insight(String id, int version, List<String> lineage, Status status, String statusReason, Created created,
                      Taxonomy taxonomy, String condition, String explanation, Example example, Evidence evidence) {

    public Insight {
        Objects.requireNonNull(id, "an insight needs an id");
        Objects.requireNonNull(taxonomy, "insight " + id + " needs a taxonomy");
        if (condition == null || condition.isBlank()) throw new IllegalArgumentException("insight " + id + " has no condition");
        if (explanation == null || explanation.isBlank()) throw new IllegalArgumentException("insight " + id + " has no explanation");
        if (version < 1) version = 1;
        lineage = lineage == null ? List.of() : List.copyOf(lineage);
        status = status == null ? Status.CANDIDATE : status;
        evidence = evidence == null ? Evidence.from(List.of()) : evidence;
    }

    public Insight withStatus(Status next, String reason) {
        return new Insight(id, version, lineage, next, reason, created, taxonomy, condition, explanation, example, evidence);
    }

    public Insight withEvidence(TaskEvidence verdict) {
        return new Insight(id, version, lineage, status, statusReason, created, taxonomy, condition, explanation, example, evidence.with(verdict));
    }

    /** The next version with a rewritten condition (refinement), lineage pointing at this version. */
    public Insight withCondition(String rewritten, Created by) {
        List<String> from = new java.util.ArrayList<>(lineage);
        from.add(id + "@" + version);
        return new Insight(id, version + 1, from, status, statusReason, by, taxonomy, rewritten, explanation, example, evidence);
    }

    public boolean active() {
        return status == Status.ACTIVE;
    }
}

package dev.optagent.eval;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One benchmark problem in the normalised format: {@code id, question, answer} (null when the published
 * answer is "infeasible" / "unbounded" / "no solution"), with optional {@code type} and {@code has_table}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String id, String question, Double answer, String type, Boolean hasTable) {

    public boolean expectsNoOptimum() {
        return answer == null;
    }
}

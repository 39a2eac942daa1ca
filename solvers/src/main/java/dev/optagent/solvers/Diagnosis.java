package dev.optagent.solvers;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Why a model has no optimum, worded so that an LLM (or a planner) can repair it.
 *
 * @param conflict      constraint instances that cannot hold together (irreducible: drop any one and the rest can)
 * @param constraints   the declared constraint names involved in the conflict
 * @param bounds        variable bounds that take part in the conflict, as {@code make[table] >= 1000}
 * @param runaway       variable instances that improve the objective without limit
 * @param explanation   one paragraph in plain words
 * @param arithmetic    the numbers behind the conflict ("the other constraints force … to at least 16; … allows at most 15")
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Diagnosis(List<String> conflict, List<String> constraints, List<String> bounds, List<String> runaway, String explanation,
                        String arithmetic) {

    public Diagnosis(List<String> conflict, List<String> constraints, List<String> bounds, List<String> runaway, String explanation) {
        this(conflict, constraints, bounds, runaway, explanation, null);
    }

    public Diagnosis {
        conflict = conflict == null ? List.of() : List.copyOf(conflict);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        bounds = bounds == null ? List.of() : List.copyOf(bounds);
        runaway = runaway == null ? List.of() : List.copyOf(runaway);
    }

    public Diagnosis withArithmetic(String newArithmetic) {
        return new Diagnosis(conflict, constraints, bounds, runaway, explanation, newArithmetic);
    }
}

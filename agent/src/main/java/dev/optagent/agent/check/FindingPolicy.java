package dev.optagent.agent.check;

import java.util.List;
import java.util.Set;

/**
 * Which semantic checks are errors rather than suspicions. An error blocks the answer: the sample repairs and
 * an answer that still carries the error is never accepted. By default every semantic check is a suspicion.
 *
 * @param errors codes of the checks to treat as errors ({@code unused-numbers}, {@code integrality},
 *               {@code direction}, {@code nonnegativity})
 */
public record FindingPolicy(Set<String> errors) {

    /** The semantic checks a policy may promote; parse, validation and solver findings are always errors. */
    public static final List<String> SEMANTIC_CHECKS = List.of("unused-numbers", "integrality", "direction", "nonnegativity");

    public FindingPolicy {
        errors = Set.copyOf(errors);
    }

    public static FindingPolicy asFound() {
        return new FindingPolicy(Set.of());
    }

    public List<Finding> apply(List<Finding> findings) {
        if (errors.isEmpty()) return findings;
        return findings.stream().map(f -> !f.blocking() && errors.contains(f.code()) ? Finding.blocking(f.code(), f.message()) : f).toList();
    }
}

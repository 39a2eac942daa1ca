package dev.optagent.formulation;

import java.util.List;
import java.util.stream.Collectors;

/** A formulation that cannot be used as written; carries every error found, not just the first. */
public class FormulationException extends RuntimeException {

    private final transient List<Diagnostic> diagnostics;

    public FormulationException(List<Diagnostic> diagnostics) {
        super(diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public FormulationException(Diagnostic diagnostic) {
        this(List.of(diagnostic));
    }

    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}

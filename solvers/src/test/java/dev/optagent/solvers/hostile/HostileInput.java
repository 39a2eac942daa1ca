package dev.optagent.solvers.hostile;

import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** One document through the whole path a user's file takes (decode, parse, ground, solve, verify), as an outcome. */
record HostileInput(SolveStatus status, boolean invalid, Double objective, String messages, Solution solution) {

    /** What a message must never carry: Java or Jackson names, stack frames, engine proto text. */
    static final Pattern INTERNAL = Pattern.compile(
            "\\b(java|javax|com\\.fasterxml|com\\.google|dev\\.optagent)\\.|Exception\\b|\\bat [a-z]+\\.[a-z]+.*\\(|JsonToken|"
                    + "JsonReadFeature|`|START_ARRAY|START_OBJECT|lower_bound:|objective_coefficient:|Cannot deserialize");

    private static final ModelSolver SOLVER = new ModelSolver();
    private static final SolveOptions OPTIONS = SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(2));

    static HostileInput run(byte[] document) {
        try {
            Solution solution = SOLVER.solve(FormulationJson.parse(document), OPTIONS);
            StringBuilder text = new StringBuilder(String.valueOf(solution.message()));
            if (solution.warnings() != null) solution.warnings().forEach(w -> text.append('\n').append(w));
            if (solution.diagnosis() != null) text.append("\n").append(solution.diagnosis().explanation());
            return new HostileInput(solution.status(), false, solution.objective(), text.toString(), solution);
        } catch (FormulationException e) {
            return new HostileInput(null, true, null, lines(e.diagnostics()), null);
        }
    }

    boolean leaksInternalNames() {
        return INTERNAL.matcher(messages).find();
    }

    /** An optimum is only claimed with a passed verification and a finite objective. */
    boolean proofIsBacked() {
        if (status != SolveStatus.OPTIMAL && status != SolveStatus.FEASIBLE) return true;
        return solution.verification() != null && solution.verification().passed()
                && (objective == null || Double.isFinite(objective));
    }

    private static String lines(List<Diagnostic> diagnostics) {
        StringBuilder text = new StringBuilder();
        diagnostics.forEach(d -> text.append(d).append('\n'));
        return text.toString();
    }
}

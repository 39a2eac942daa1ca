package dev.optagent.app.cli;

import dev.optagent.formulation.render.ReadableNumber;
import dev.optagent.formulation.Formulation;
import dev.optagent.solvers.Solution;

import java.io.PrintWriter;
import java.util.Map;

/** The human-readable report of one solve. */
final class SolutionReport {

    private static final int MAX_ROWS = 50;

    private final PrintWriter out;

    SolutionReport(PrintWriter out) {
        this.out = out;
    }

    void print(java.nio.file.Path file, Formulation formulation, Solution solution) {
        out.println("== " + file + (formulation.name() == null ? "" : " (" + formulation.name() + ")"));
        out.printf("status     %s%s%n", solution.status(), solution.optimality() == null ? "" : " (" + solution.optimality() + ")");
        if (solution.objective() != null) out.printf("objective  %s%s%n", ReadableNumber.of(solution.objective()),
                solution.goals().isEmpty() ? "" : " (the first goal)");
        for (int k = 0; k < solution.goals().size(); k++) {
            var goal = solution.goals().get(k);
            out.printf("goal %d     %s (%s) %s%n", k + 1, goal.name(), goal.sense().json(),
                    goal.value() == null ? "not reached (" + goal.status() + ")" : ReadableNumber.of(goal.value()));
        }
        solution.scenarios().forEach((name, answer) -> out.printf("scenario   %s: %s%s%n", name, answer.status(),
                answer.objective() == null ? "" : ", objective " + ReadableNumber.of(answer.objective())));
        out.printf("class      %s, solved by %s%n", solution.problemClass(), solution.backendVersion() == null
                ? solution.backend() : solution.backend() + " " + solution.backendVersion());
        if (solution.verification() != null) {
            out.printf("verified   %s (max violation %.2e)%n", solution.verification().passed() ? "yes" : "NO",
                    solution.verification().maxViolation());
        }
        if (!solution.variables().isEmpty()) {
            out.println("decisions (nonzero):");
            int shown = 0;
            for (Map.Entry<String, Double> entry : solution.variables().entrySet()) {
                if (Math.abs(entry.getValue()) < 1e-9) continue;
                if (shown++ == MAX_ROWS) {
                    out.println("  ...");
                    break;
                }
                out.printf("  %-30s %s%n", entry.getKey(), ReadableNumber.of(entry.getValue()));
            }
        }
        if (solution.diagnosis() != null) out.println("diagnosis  " + solution.diagnosis().explanation());
        if (solution.message() != null && !solution.status().hasSolution()) out.println("message    " + solution.message());
        solution.warnings().forEach(w -> out.println("warning    " + w));
        Solution.Timings t = solution.timings();
        out.printf("time       compile %d ms, solve %d ms, verify %d ms%s%n", t.compileMillis(), t.solveMillis(), t.verifyMillis(),
                t.diagnoseMillis() > 0 ? ", diagnose " + t.diagnoseMillis() + " ms" : "");
        out.println();
    }
}

package dev.optagent.app.cli;

import dev.optagent.formulation.render.ReadableNumber;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.analysis.ObjectiveMeaning;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.analysis.Sensitivity;

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
        if (solution.objective() != null) {
            out.printf("objective  %s%n", ObjectiveMeaning.of(formulation).map(m -> m.describe(solution.objective()))
                    .orElse(ReadableNumber.of(solution.objective())) + (solution.goals().isEmpty() ? "" : " (the first goal)"));
        }
        for (int k = 0; k < solution.goals().size(); k++) {
            var goal = solution.goals().get(k);
            out.printf("goal %d     %s (%s) %s%n", k + 1, goal.name(), goal.sense().json(),
                    goal.value() == null ? "not reached (" + goal.status() + ")" : ReadableNumber.of(goal.value()));
        }
        solution.scenarios().forEach((name, answer) -> out.printf("scenario   %s: %s%s%n", name, answer.status(),
                answer.objective() == null ? "" : ", objective " + ReadableNumber.of(answer.objective())));
        out.printf("class      %s, solved by %s%n", solution.problemClass(), engine(solution));
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
        Sensitivity sensitivity = solution.sensitivity();
        if (sensitivity != null && !sensitivity.notes().isEmpty()) {
            out.println("sensitivity" + (sensitivity.basis() == null ? " (slacks only: " + sensitivity.noPrices() + ")"
                    : " (" + sensitivity.basis() + ")") + ":");
            sensitivity.notes().forEach(note -> out.println("  " + note));
            ranges(out, sensitivity);
        }
        if (solution.diagnosis() != null) {
            out.println("diagnosis  " + solution.diagnosis().explanation());
            if (solution.diagnosis().arithmetic() != null) out.println("arithmetic " + solution.diagnosis().arithmetic());
        }
        if (solution.relaxation() != null) out.println("smallest fix " + solution.relaxation().explanation());
        if (solution.message() != null && !solution.status().hasSolution()) out.println("message    " + solution.message());
        solution.warnings().forEach(w -> out.println("warning    " + w));
        Solution.Timings t = solution.timings();
        out.printf("time       compile %d ms, solve %d ms, verify %d ms%s%n", t.compileMillis(), t.solveMillis(), t.verifyMillis(),
                t.diagnoseMillis() > 0 ? ", diagnose " + t.diagnoseMillis() + " ms" : "");
        out.println();
    }

    /** The ranges of the binding limits and of the costs of the decisions used (an LP's), a few of each. */
    private static void ranges(PrintWriter out, Sensitivity sensitivity) {
        var limits = sensitivity.constraints().entrySet().stream().filter(e -> e.getValue().binding() && e.getValue().range() != null)
                .limit(MAX_ROWS).toList();
        var costs = sensitivity.variables().entrySet().stream().filter(e -> e.getValue().value() != 0 && e.getValue().costRange() != null)
                .limit(MAX_ROWS).toList();
        if (limits.isEmpty() && costs.isEmpty()) return;
        out.println("ranges (" + sensitivity.ranging() + "):");
        limits.forEach(e -> out.println("  limit of " + e.getKey() + " " + range(e.getValue().range()) + " at shadow price "
                + ReadableNumber.of(e.getValue().dual())));
        costs.forEach(e -> out.println("  cost of " + e.getKey() + " " + range(e.getValue().costRange()) + " with the plan unchanged"));
    }

    private static String range(Sensitivity.Range r) {
        return ReadableNumber.of(r.current()) + " can move within [" + (r.from() == null ? "-inf" : ReadableNumber.of(r.from())) + ", "
                + (r.to() == null ? "inf" : ReadableNumber.of(r.to())) + "]";
    }

    /** "SCIP 10.0.0 [LP solver: SoPlex 8.0.0]", not "SCIP SCIP 10.0.0": the version usually names the engine already. */
    static String engine(Solution solution) {
        String backend = solution.backend(), version = solution.backendVersion();
        if (version == null) return backend;
        if (backend == null || version.toLowerCase(java.util.Locale.ROOT).startsWith(backend.split(" ")[0].toLowerCase(java.util.Locale.ROOT))) return version;
        return backend + " " + version;
    }
}

package dev.optagent.app.cli;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.analysis.SolutionCheck;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code optagent bench FILE...}: per model, the median over repeated runs of ground (compile),
 * solve and verify time, after warm-up; plus the JVM's time to reach {@code main}. A measurement tool,
 * not a test: it asserts nothing and prints a Markdown table for docs/performance.md.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure compile + solve + verify time per formulation file (Markdown table).")
final class BenchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "FILE", description = "Formulation files (*.expected.json files are skipped).")
    List<Path> files = List.of();

    @Option(names = "--transport-sizes", split = ",", paramLabel = "N",
            description = "Also generate seeded N x N transportation LPs (scale test of grounding and compilation).")
    List<Integer> transportSizes = List.of();

    @Option(names = "--repeat", defaultValue = "5", description = "Measured runs per model. Default: ${DEFAULT-VALUE}.")
    int repeat;

    @Option(names = "--warmup", defaultValue = "2", description = "Unmeasured runs per model first. Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Option(names = "--time-limit", defaultValue = "60", description = "Seconds per solve. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @Option(names = "--no-proof-search", description = "SCIP alone on MILPs (the before of docs/performance.md's hard-model table).")
    boolean noProofSearch;

    @Override
    public Integer call() {
        long startToMain = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.printf("JVM start to first benchmark: %d ms (includes class loading of the CLI)%n%n", startToMain);
        System.out.println("| model | class | engine | status | objective | gap | compile ms | solve ms | verify µs | total ms |");
        System.out.println("|---|---|---|---|---:|---:|---:|---:|---:|---:|");
        ModelSolver solver = new ModelSolver();
        SolveOptions options = SolveOptions.defaults().withDiagnosis(false)
                .withTimeLimit(java.time.Duration.ofMillis((long) (timeLimit * 1000))).withProofSearch(!noProofSearch);
        double totalOfMedians = 0;
        int measured = 0;
        List<java.util.Map.Entry<String, Formulation>> models = new java.util.ArrayList<>();
        for (Path file : files) {
            if (file.getFileName().toString().endsWith(".expected.json")) continue;
            try {
                Formulation formulation = FormulationJson.read(file);
                GroundModel.of(formulation);
                models.add(java.util.Map.entry(file.getFileName().toString().replace(".json", ""), formulation));
            } catch (FormulationException | java.io.UncheckedIOException e) {
                System.out.printf("| %s | invalid | | | | | | | | |%n", file.getFileName());
            }
        }
        for (int n : transportSizes) models.add(java.util.Map.entry("transport-" + n + "x" + n, ScaleModels.transport(n)));
        for (var entry : models) {
            Formulation formulation = entry.getValue();
            double[] compile = new double[repeat];
            double[] solve = new double[repeat];
            double[] verify = new double[repeat];
            Solution last = null;
            for (int run = -warmup; run < repeat; run++) {
                long t0 = System.nanoTime();
                GroundModel model = GroundModel.of(formulation);
                long t1 = System.nanoTime();
                Solution solution = solver.solve(model, options);
                long t2 = System.nanoTime();
                if (solution.variables() != null && !solution.variables().isEmpty()) {
                    double[] values = solution.variables().values().stream().mapToDouble(Double::doubleValue).toArray();
                    SolutionCheck.verify(model, values);
                }
                long t3 = System.nanoTime();
                if (run >= 0) {
                    compile[run] = (t1 - t0) / 1e6;
                    solve[run] = (t2 - t1) / 1e6;
                    verify[run] = (t3 - t2) / 1e3;
                }
                last = solution;
            }
            double total = median(compile) + median(solve) + median(verify) / 1000;
            totalOfMedians += total;
            measured++;
            System.out.printf("| %s | %s | %s | %s | %s | %s | %.2f | %.2f | %.0f | %.2f |%n", entry.getKey(),
                    last.problemClass(), last.backend(), last.status(),
                    last.objective() == null ? "" : String.format(java.util.Locale.ROOT, "%.6g", last.objective()),
                    last.gap() == null ? "" : String.format(java.util.Locale.ROOT, "%.2g", last.gap()),
                    median(compile), median(solve), median(verify), total);
        }
        System.out.printf("%n%d models, sum of median totals %.1f ms, mean %.2f ms per model%n", measured, totalOfMedians,
                measured == 0 ? 0 : totalOfMedians / measured);
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n == 0 ? 0 : n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}

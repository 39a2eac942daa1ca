package dev.optagent.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.analysis.ObjectiveMeaning;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code optagent solve-model [--json] FILE...}: solves formulation files in one process. */
@Command(name = "solve-model", mixinStandardHelpOptions = true,
        description = "Solve five-element formulation files (JSON) and verify the answers.",
        footerHeading = "%nExamples:%n",
        footer = {"  optagent solve-model datasets/formulations/transport.json",
                "  optagent solve-model --json --backend highs model.json   (sensitivity.constraints: dual and slack per instance;",
                "                                                           relaxation: what to relax when INFEASIBLE)"})
final class SolveModelCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Formulation files.")
    List<Path> files;

    @Option(names = "--json", description = "One JSON object per line per file.")
    boolean json;

    @Option(names = "--backend", defaultValue = "auto",
            description = "auto (by problem class), scip, highs, cbc, glop, pdlp, nlp. Default: ${DEFAULT-VALUE}.")
    String backend;

    @Option(names = "--time-limit", defaultValue = "60", description = "Seconds per solve. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @Option(names = "--no-diagnosis", description = "Skip explaining infeasible and unbounded models.")
    boolean noDiagnosis;

    @Option(names = "--solver-params", paramLabel = "FILE", description = "CP-SAT / SCIP parameters, e.g. written by 'tune solver'.")
    Path solverParams;

    @Override
    public Integer call() {
        SolveOptions options = SolveOptions.defaults()
                .withBackend(Backend.parse(backend))
                .withTimeLimit(Duration.ofMillis((long) (timeLimit * 1000)))
                .withDiagnosis(!noDiagnosis);
        if (solverParams != null) options = options.withParameters(dev.optagent.tuning.solver.SolverParametersFile.read(solverParams));
        ModelSolver solver = new ModelSolver();
        PrintWriter out = spec.commandLine().getOut();
        int exit = 0;
        for (Path file : files) {
            if (!file.toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json") && Files.isRegularFile(file) && !looksLikeJson(file)) {
                exit = 1;
                report(out, file, "INVALID", "this is not a formulation (JSON) but, by the look of it, a problem in words; solve it with"
                        + " optagent solve --file " + file + " (needs a language model)", List.of());
                continue;
            }
            try {
                Formulation formulation = FormulationJson.parse(Files.readAllBytes(file));
                Solution solution = solver.solve(formulation, options);
                if (refusedByChosenEngine(options, solution) && exit == 0) exit = 3;
                if (json) out.println(JSON.writeValueAsString(line(file, formulation, solution)));
                else new SolutionReport(out).print(file, formulation, solution);
                out.flush();
            } catch (FormulationException e) {
                exit = 1;
                report(out, file, "INVALID", "the formulation is not valid", e.diagnostics().stream().map(Object::toString).toList());
            } catch (NoSuchFileException e) {
                exit = 1;
                report(out, file, "INVALID", "no such file", List.of());
            } catch (IOException e) {
                exit = 1;
                report(out, file, "INVALID", "cannot read the file" + (Files.isDirectory(file) ? ": it is a directory" : ""), List.of());
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                // One file's failure never takes the batch with it: this file answers ERROR, the next one runs.
                exit = 1;
                System.gc();
                report(out, file, "ERROR", "the solve failed unexpectedly on this file (" + (e instanceof OutOfMemoryError
                        ? "out of memory" : e instanceof StackOverflowError ? "too deeply nested" : "an internal error") + ")", List.of());
            }
        }
        out.flush();
        return exit;
    }

    /** An engine named with --backend that could not take the model (no answer to verify): not solved, so not 0. */
    private static boolean refusedByChosenEngine(SolveOptions options, Solution solution) {
        return options.backend() != Backend.AUTO && solution.status() == dev.optagent.solvers.SolveStatus.ERROR
                && solution.verification() == null;
    }

    private ObjectNode line(Path file, Formulation formulation, Solution solution) {
        ObjectNode node = JSON.createObjectNode();
        node.put("file", file.toString());
        node.setAll((ObjectNode) JSON.valueToTree(solution));
        if (!node.has("objective")) node.putNull("objective");
        if (!node.has("variables")) node.putObject("variables");
        if (!node.has("verification")) node.putNull("verification");
        if (!node.has("diagnosis")) node.putNull("diagnosis");
        if (solution.status() == dev.optagent.solvers.SolveStatus.INFEASIBLE && !node.has("relaxation")) node.putNull("relaxation");
        ObjectiveMeaning.of(formulation).ifPresent(meaning -> node.set("objectiveMeaning", JSON.valueToTree(meaning)));
        return node;
    }

    private static boolean looksLikeJson(Path file) {
        try {
            return Files.readString(file).stripLeading().startsWith("{");
        } catch (IOException e) {
            return true; // let the read below report it
        }
    }

    private void report(PrintWriter out, Path file, String status, String message, List<String> errors) {
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("file", file.toString());
            node.put("status", status);
            node.putNull("objective");
            node.putObject("variables");
            node.putNull("verification");
            node.putNull("diagnosis");
            node.put("message", message);
            errors.forEach(node.putArray("errors")::add);
            try {
                out.println(JSON.writeValueAsString(node));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        } else {
            out.println(file + ": " + message);
            errors.forEach(error -> out.println("  " + error));
        }
    }
}

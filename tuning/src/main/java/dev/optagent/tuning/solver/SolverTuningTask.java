package dev.optagent.tuning.solver;

import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.solvers.Backend;
import dev.optagent.tuning.bench.BenchmarkTask;
import dev.optagent.tuning.study.Direction;
import dev.optagent.tuning.study.ProblemDescription;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Solver tuning as a benchmark task: the engine's space, the PAR-2 objective, and a description for the model. */
public final class SolverTuningTask {

    private SolverTuningTask() {
    }

    public static List<Formulation> readInstances(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("no instance directory " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            List<Formulation> out = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json"))
                    .sorted().map(FormulationJson::read).toList();
            if (out.isEmpty()) throw new IllegalArgumentException(dir + " holds no formulation files (*.json)");
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BenchmarkTask fromDirectory(Path dir, Backend backend, Duration limit) {
        return of(readInstances(dir), backend, limit);
    }

    public static BenchmarkTask of(List<Formulation> instances, Backend backend, Duration limit) {
        return new BenchmarkTask("solver-" + backend.name().toLowerCase(Locale.ROOT).replace('_', '-'), SolverSpaces.forBackend(backend),
                new SolverTuningObjective(instances, backend, limit), describe(instances, backend, limit), Double.NaN, Double.NEGATIVE_INFINITY);
    }

    /** What the model is told: engine, model class and size, the text of the first instance's description, the metric. */
    public static ProblemDescription describe(List<Formulation> instances, Backend backend, Duration limit) {
        Formulation first = instances.get(0);
        GroundModel ground = GroundModel.of(first);
        String engine = backend == Backend.CP_SAT ? "Google OR-Tools CP-SAT" : "SCIP (through OR-Tools)";
        String context = "The model: " + (first.description() == null ? first.name() : first.description())
                + " Size of one instance: " + ground.variableCount() + " variables (" + integerCount(ground) + " integer or binary), "
                + ground.constraints().size() + " constraints. " + instances.size() + " instances of this model, each solved once per trial. "
                + "The machine has " + Runtime.getRuntime().availableProcessors() + " cores.";
        return new ProblemDescription("the parameters of the " + engine + " solver for a recurring mixed-integer model",
                "mean seconds to a proven optimum over the instances; an instance not proven optimal within "
                        + limit.toSeconds() + " s counts as " + 2 * limit.toSeconds() + " s", Direction.MINIMIZE, context);
    }

    private static long integerCount(GroundModel ground) {
        long n = 0;
        for (int k = 0; k < ground.variableCount(); k++) if (ground.variable(k).type() != dev.optagent.formulation.VariableType.CONTINUOUS) n++;
        return n;
    }
}

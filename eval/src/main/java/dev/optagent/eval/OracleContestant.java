package dev.optagent.eval;

import dev.optagent.agent.AgentResult;
import dev.optagent.agent.AgentStatus;
import dev.optagent.agent.Cost;
import dev.optagent.agent.pipeline.FormulationAnswers;
import dev.optagent.datasets.Problem;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationException;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.SolveOptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The oracle: answers each problem from a given formulation file {@code DIR/<id>.json} instead of a model, so
 * the solver layer (or a set of hand-written or recorded formulations) is scored on its own.
 */
public final class OracleContestant implements Contestant {

    private final Path directory;
    private final ModelSolver solver;
    private final SolveOptions options;

    public OracleContestant(Path directory, ModelSolver solver, SolveOptions options) {
        this.directory = directory;
        this.solver = solver;
        this.options = options;
    }

    public static Path fileFor(Path directory, String id) {
        return directory.resolve(id.replaceAll("[^A-Za-z0-9._-]", "_") + ".json");
    }

    @Override
    public AgentResult answer(Problem problem) {
        long start = System.nanoTime();
        Path file = fileFor(directory, problem.id());
        if (!Files.isRegularFile(file)) return unanswered(AgentStatus.NO_FORMULATION, "no formulation file " + file, start);
        try {
            Formulation formulation = FormulationJson.read(file);
            return FormulationAnswers.of(formulation, solver.solve(formulation, options), (System.nanoTime() - start) / 1_000_000);
        } catch (FormulationException e) {
            return unanswered(AgentStatus.INVALID_FORMULATION, file + ": " + e.getMessage(), start);
        }
    }

    private static AgentResult unanswered(AgentStatus status, String message, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        return new AgentResult(status, null, message, 0, List.of(), message, null, null, null, null,
                new Cost(0, 0, 0, millis, Map.of()), List.of());
    }
}

package dev.optagent.tuning.solver;

import dev.optagent.formulation.Formulation;
import dev.optagent.solvers.Backend;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.Solution;
import dev.optagent.solvers.SolveOptions;
import dev.optagent.solvers.SolveStatus;
import dev.optagent.tuning.bench.Objective;
import dev.optagent.tuning.space.Configuration;

import java.time.Duration;
import java.util.List;

/**
 * The cost of a parameter setting over a few instances: the mean of each instance's seconds to a proven (and
 * verified) optimum, with an instance that does not prove optimality within the limit counted as twice the limit
 * (PAR-2, the usual algorithm-configuration score). A verified wrong answer or an engine error fails the trial.
 * Times are wall-clock: CP-SAT's deterministic time is not exposed by the solve layer, so the same setting
 * measures slightly differently run to run on a shared machine (see docs/tuning.md).
 */
public final class SolverTuningObjective implements Objective {

    private final List<Formulation> instances;
    private final Backend backend;
    private final Duration limit;
    private final ModelSolver solver = new ModelSolver();

    public SolverTuningObjective(List<Formulation> instances, Backend backend, Duration limit) {
        if (instances.isEmpty()) throw new IllegalArgumentException("solver tuning needs at least one instance");
        this.instances = List.copyOf(instances);
        this.backend = backend;
        this.limit = limit;
    }

    @Override
    public double evaluate(Configuration config) {
        SolveOptions options = SolveOptions.defaults().withBackend(backend).withTimeLimit(limit).withDiagnosis(false)
                .withParameters(SolverSpaces.parameters(backend, config));
        double total = 0;
        for (Formulation f : instances) total += score(solver.solve(f, options));
        return total / instances.size();
    }

    /** Seconds to a proven optimum, or the PAR-2 penalty. */
    public double score(Solution s) {
        if (s.status() == SolveStatus.ERROR) throw new IllegalStateException("the engine failed: " + s.message());
        if (s.status() == SolveStatus.OPTIMAL) return s.timings().solveMillis() / 1000.0;
        return 2 * limit.toMillis() / 1000.0;
    }

    /** The per-instance scores with given options (default or tuned), for held-out comparisons. */
    public List<Double> scores(SolveOptions options) {
        return instances.stream().map(f -> score(solver.solve(f, options.withBackend(backend).withTimeLimit(limit).withDiagnosis(false)))).toList();
    }
}

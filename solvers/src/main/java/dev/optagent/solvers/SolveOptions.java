package dev.optagent.solvers;

import java.time.Duration;

/**
 * Knobs of one solve.
 *
 * @param timeLimit   wall-clock limit for the main solve (diagnosis gets the same again at most)
 * @param diagnose    explain INFEASIBLE (conflicting constraints) and UNBOUNDED (runaway variables)
 * @param nlpStarts   number of starting points for the local NLP solver
 * @param seed        seed of the NLP multistart, for reproducible runs
 * @param parameters  engine parameters (CP-SAT, SCIP), e.g. tuned by {@code optagent tune solver}; none by default
 */
public record SolveOptions(Backend backend, Duration timeLimit, boolean diagnose, double tolerance, int nlpStarts, long seed,
                           SolverParameters parameters) {

    public SolveOptions {
        parameters = parameters == null ? SolverParameters.none() : parameters;
    }

    public SolveOptions(Backend backend, Duration timeLimit, boolean diagnose, double tolerance, int nlpStarts, long seed) {
        this(backend, timeLimit, diagnose, tolerance, nlpStarts, seed, SolverParameters.none());
    }

    public SolveOptions withParameters(SolverParameters newParameters) {
        return new SolveOptions(backend, timeLimit, diagnose, tolerance, nlpStarts, seed, newParameters);
    }

    public static SolveOptions defaults() {
        return new SolveOptions(Backend.AUTO, Duration.ofSeconds(60), true, 1e-6, 12, 42);
    }

    public SolveOptions withBackend(Backend newBackend) {
        return new SolveOptions(newBackend, timeLimit, diagnose, tolerance, nlpStarts, seed, parameters);
    }

    public SolveOptions withTimeLimit(Duration newLimit) {
        return new SolveOptions(backend, newLimit, diagnose, tolerance, nlpStarts, seed, parameters);
    }

    public SolveOptions withDiagnosis(boolean enabled) {
        return new SolveOptions(backend, timeLimit, enabled, tolerance, nlpStarts, seed, parameters);
    }
}

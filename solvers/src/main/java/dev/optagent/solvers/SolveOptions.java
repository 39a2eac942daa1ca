package dev.optagent.solvers;

import java.time.Duration;

/**
 * Knobs of one solve.
 *
 * @param timeLimit   wall-clock limit for the main solve (diagnosis gets the same again at most)
 * @param diagnose    explain INFEASIBLE (conflicting constraints) and UNBOUNDED (runaway variables)
 * @param nlpStarts   number of starting points for the local NLP solver
 * @param seed        seed of the NLP multistart, for reproducible runs
 * @param proofSearch when SCIP does not prove a MILP quickly, tighten bounds from its incumbent and try the
 *                    other ways to a proof ({@link dev.optagent.solvers.proof.ProofSearch}); AUTO backend only
 * @param parameters  engine parameters (CP-SAT, SCIP), e.g. tuned by {@code optagent tune solver}; none by default
 */
public record SolveOptions(Backend backend, Duration timeLimit, boolean diagnose, double tolerance, int nlpStarts, long seed,
                           boolean proofSearch, SolverParameters parameters) {

    public SolveOptions {
        parameters = parameters == null ? SolverParameters.none() : parameters;
    }

    public SolveOptions(Backend backend, Duration timeLimit, boolean diagnose, double tolerance, int nlpStarts, long seed,
                        boolean proofSearch) {
        this(backend, timeLimit, diagnose, tolerance, nlpStarts, seed, proofSearch, SolverParameters.none());
    }

    /** Without the proof search: one engine run, as solver tuning measures it. */
    public SolveOptions(Backend backend, Duration timeLimit, boolean diagnose, double tolerance, int nlpStarts, long seed) {
        this(backend, timeLimit, diagnose, tolerance, nlpStarts, seed, false, SolverParameters.none());
    }

    public static SolveOptions defaults() {
        return new SolveOptions(Backend.AUTO, Duration.ofSeconds(60), true, 1e-6, 12, 42, true);
    }

    public SolveOptions withBackend(Backend newBackend) {
        return new SolveOptions(newBackend, timeLimit, diagnose, tolerance, nlpStarts, seed, proofSearch, parameters);
    }

    public SolveOptions withTimeLimit(Duration newLimit) {
        return new SolveOptions(backend, newLimit, diagnose, tolerance, nlpStarts, seed, proofSearch, parameters);
    }

    public SolveOptions withDiagnosis(boolean enabled) {
        return new SolveOptions(backend, timeLimit, enabled, tolerance, nlpStarts, seed, proofSearch, parameters);
    }

    public SolveOptions withProofSearch(boolean enabled) {
        return new SolveOptions(backend, timeLimit, diagnose, tolerance, nlpStarts, seed, enabled, parameters);
    }

    public SolveOptions withParameters(SolverParameters newParameters) {
        return new SolveOptions(backend, timeLimit, diagnose, tolerance, nlpStarts, seed, proofSearch, newParameters);
    }
}

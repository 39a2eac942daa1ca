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
 */
public record SolveOptions(Backend backend, Duration timeLimit, boolean diagnose, double tolerance, int nlpStarts, long seed,
                           boolean proofSearch) {

    public static SolveOptions defaults() {
        return new SolveOptions(Backend.AUTO, Duration.ofSeconds(60), true, 1e-6, 12, 42, true);
    }

    public SolveOptions withBackend(Backend newBackend) {
        return new SolveOptions(newBackend, timeLimit, diagnose, tolerance, nlpStarts, seed, proofSearch);
    }

    public SolveOptions withTimeLimit(Duration newLimit) {
        return new SolveOptions(backend, newLimit, diagnose, tolerance, nlpStarts, seed, proofSearch);
    }

    public SolveOptions withDiagnosis(boolean enabled) {
        return new SolveOptions(backend, timeLimit, enabled, tolerance, nlpStarts, seed, proofSearch);
    }

    public SolveOptions withProofSearch(boolean enabled) {
        return new SolveOptions(backend, timeLimit, diagnose, tolerance, nlpStarts, seed, enabled);
    }
}

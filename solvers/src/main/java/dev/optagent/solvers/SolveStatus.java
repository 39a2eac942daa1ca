package dev.optagent.solvers;

/** Outcome of a solve. OPTIMAL and FEASIBLE are only reported for answers that passed verification. */
public enum SolveStatus {
    OPTIMAL, FEASIBLE, INFEASIBLE, UNBOUNDED, TIME_LIMIT, ERROR;

    public boolean hasSolution() {
        return this == OPTIMAL || this == FEASIBLE;
    }
}

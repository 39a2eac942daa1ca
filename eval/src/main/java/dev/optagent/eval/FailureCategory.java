package dev.optagent.eval;

/** Why a problem was not answered correctly (NONE when it was, under the strict rule). */
public enum FailureCategory {
    NONE, NO_FORMULATION, INVALID_FORMULATION, SOLVER_ERROR, INFEASIBLE, UNBOUNDED, WRONG_VALUE, TIMEOUT, PROVIDER_ERROR
}

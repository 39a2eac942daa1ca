package dev.optagent.agent;

/** How an agent run ended. Only OPTIMAL and FEASIBLE carry an answer; both are verified. */
public enum AgentStatus {
    OPTIMAL,
    FEASIBLE,
    /** The problem as stated has no feasible plan (the model was kept, not "repaired" into another problem). */
    INFEASIBLE,
    /** The problem as stated has no finite optimum. */
    UNBOUNDED,
    /** The model never wrote a formulation (no JSON in any reply). */
    NO_FORMULATION,
    /** Formulations were written, but none passed parsing and validation within the repair rounds. */
    INVALID_FORMULATION,
    /** Formulations were valid but no solve produced a verified answer (errors, time limits). */
    SOLVER_ERROR,
    /** The language model could not be reached (after retries). */
    PROVIDER_ERROR
}

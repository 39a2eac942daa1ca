package dev.optagent.agent;

/** How an agent run ended. Only OPTIMAL and FEASIBLE carry an answer; both are verified. */
public enum AgentStatus {
    OPTIMAL,
    FEASIBLE,
    /** The problem as stated has no feasible plan (the model was kept, not "repaired" into another problem). */
    INFEASIBLE,
    /** The problem as stated has no finite optimum. */
    UNBOUNDED,
    /** No valid formulation after the repair rounds. */
    NO_FORMULATION,
    /** Formulations were valid but no solve produced a verified answer (errors, time limits). */
    SOLVER_ERROR,
    /** The language model could not be reached (after retries). */
    PROVIDER_ERROR
}

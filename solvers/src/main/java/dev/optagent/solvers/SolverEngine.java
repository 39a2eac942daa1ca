package dev.optagent.solvers;

import dev.optagent.formulation.ground.GroundModel;

/** One solving engine (MPSolver, CP-SAT, the local NLP solver). Implementations free all native memory before returning. */
public interface SolverEngine {

    BackendResult solve(GroundModel model, SolveOptions options);
}

package dev.optagent.library.learn;

import dev.optagent.agent.AgentResult;
import dev.optagent.datasets.Problem;
import dev.optagent.library.model.Library;

/** Solves one training task with a given library (the app wires the agent with a {@code LibraryInsightSource}). */
@FunctionalInterface
public interface TaskSolver {

    /** @param sample 0 for the first attempt (temperature of the stage), higher for re-solves (sampling temperature) */
    AgentResult solve(Problem task, Library library, int sample);
}

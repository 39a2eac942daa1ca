package dev.optagent.library.learn;

import dev.optagent.agent.AgentStatus;
import dev.optagent.datasets.Problem;

/**
 * Right or wrong against the task's gold answer. The library does not depend on the evaluation module; the app wires
 * its strict scoring rule in here.
 */
@FunctionalInterface
public interface Judge {

    boolean correct(Problem task, AgentStatus status, Double objective);
}

package dev.optagent.eval;

import dev.optagent.datasets.Problem;
import dev.optagent.agent.AgentResult;

/** Whatever answers a problem: the agent, an oracle of formulation files, a baseline. */
@FunctionalInterface
public interface Contestant {

    AgentResult answer(Problem problem);
}

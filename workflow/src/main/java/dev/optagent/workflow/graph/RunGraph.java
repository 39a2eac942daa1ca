package dev.optagent.workflow.graph;

import java.util.List;

/** The subgraph that produced one run's answer, with the feedback on it (what {@code backward(output, feedback)} hands over). */
public record RunGraph(String problemId, String problem, List<OperationNode> nodes, RunFeedback feedback) {

    public RunGraph {
        nodes = List.copyOf(nodes);
    }
}

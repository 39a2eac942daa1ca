package dev.optagent.workflow.train;

import dev.optagent.datasets.Dataset;
import dev.optagent.eval.ProblemResult;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.graph.RunGraph;

import java.nio.file.Path;
import java.util.List;

/** Runs a workflow on some problems and scores it; results are kept in {@code dir} so a rerun costs nothing. */
@FunctionalInterface
public interface Scorer {

    Scored score(Workflow workflow, Dataset problems, Path dir);

    /** The eval results and, for each, the graph of the run with its feedback. */
    record Scored(List<ProblemResult> results, List<RunGraph> graphs) {
        public Scored {
            results = List.copyOf(results);
            graphs = List.copyOf(graphs);
        }

        public ValidationScore score() {
            return ValidationScore.of(results);
        }
    }
}

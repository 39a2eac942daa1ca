package dev.optagent.agent.insight;

import java.util.List;

/**
 * Where the agent gets the insights for one model call. The experience library will implement this (retrieve by
 * the problem's text and the stage); today the agent runs with {@link #none()}, and then every prompt is exactly
 * its versioned resource. Implementations must be thread-safe: samples call it concurrently.
 */
@FunctionalInterface
public interface InsightSource {

    /**
     * @param stage   the LLM stage about to be called: {@code understand}, {@code formulate}, {@code repair}, {@code revise}
     * @param problem the problem text as the stage sees it
     * @return the insights to show the model, most relevant first; empty for none
     */
    List<Insight> relevant(String stage, String problem);

    static InsightSource none() {
        return (stage, problem) -> List.of();
    }

    /** The same insights for every call: for experiments and for tests. */
    static InsightSource fixed(List<Insight> insights) {
        List<Insight> copy = List.copyOf(insights);
        return (stage, problem) -> copy;
    }
}

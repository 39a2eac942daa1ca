package dev.optagent.agent;

import java.util.Map;

/** What a run cost: LLM calls, tokens, and wall time, in total and per stage. */
public record Cost(int llmCalls, long inputTokens, long outputTokens, long wallMillis, Map<String, Long> millisByStage) {

    public Cost {
        millisByStage = Map.copyOf(millisByStage);
    }
}

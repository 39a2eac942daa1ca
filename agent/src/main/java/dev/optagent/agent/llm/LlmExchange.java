package dev.optagent.agent.llm;

import dev.optagent.agent.trace.Message;

import java.util.List;

/** One completed LLM call: the exact messages sent, the reply text, token counts and latency (all attempts). */
public record LlmExchange(List<Message> messages, String reply, int inputTokens, int outputTokens, long latencyMillis, int attempts) {

    public LlmExchange {
        messages = List.copyOf(messages);
    }
}

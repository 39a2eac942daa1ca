package dev.optagent.tuning.llm;

/**
 * One call to the language model: a live {@code LlmClient} or a recording being replayed. The reply's token
 * counts are recorded with the study.
 */
@FunctionalInterface
public interface ChatCall {

    record Reply(String text, long inputTokens, long outputTokens) { }

    Reply chat(String system, String user);

    /** A live model through the agent's client (timeouts, retries, token accounting). */
    static ChatCall of(dev.optagent.agent.llm.LlmClient client, double temperature) {
        return (system, user) -> {
            var exchange = client.chat(system, user, temperature, 2000);
            return new Reply(exchange.reply(), exchange.inputTokens(), exchange.outputTokens());
        };
    }
}

package dev.optagent.tuning.llm;

/**
 * One call to the language model: a live {@code LlmClient} or a recording being replayed. The reply's token
 * counts are recorded with the study.
 */
@FunctionalInterface
public interface ChatCall {

    record Reply(String text, long inputTokens, long outputTokens) { }

    Reply chat(String system, String user);

    /** The model configured by the environment (see docs/agent.md), at the given temperature. */
    static ChatCall fromEnvironment(double temperature) {
        var model = dev.optagent.agent.llm.ChatModels.fromEnvironment();
        var timeout = dev.optagent.agent.llm.ChatModels.timeout(System.getenv());
        return of(new dev.optagent.agent.llm.LlmClient(model, 4, java.time.Duration.ofSeconds(2), timeout), temperature);
    }

    /** Which model the environment selects ("openai gpt-4o"), for recordings. */
    static String environmentModel() {
        var s = dev.optagent.agent.llm.ChatModels.select(System.getenv());
        return s.provider() + " " + s.model();
    }

    /** A live model through the agent's client (timeouts, retries, token accounting). */
    static ChatCall of(dev.optagent.agent.llm.LlmClient client, double temperature) {
        return (system, user) -> {
            var exchange = client.chat(system, user, temperature, 2000);
            return new Reply(exchange.reply(), exchange.inputTokens(), exchange.outputTokens());
        };
    }
}

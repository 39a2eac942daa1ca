package dev.optagent.app.cli;

import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.llm.ChatModels;

import java.io.PrintWriter;
import java.util.Optional;

/**
 * The language model of a command that needs one ({@code eval}, {@code library learn|refine}, {@code workflow optimize}):
 * loaded from the environment (or a test's stand-in, {@link SolveCommand#models}), with the agent defaults whose model-call
 * timeout is {@code OPTAGENT_LLM_TIMEOUT}.
 */
final class CliModel {

    private CliModel() {
    }

    /** The configured model, or empty after printing how to configure one. */
    static Optional<ChatModel> load(PrintWriter err) {
        try {
            return Optional.of(SolveCommand.models.get());
        } catch (IllegalStateException e) {
            err.println(e.getMessage());
            err.flush();
            return Optional.empty();
        }
    }

    /** The agent's defaults with the model-call timeout from {@code OPTAGENT_LLM_TIMEOUT}. */
    static AgentConfig config() {
        AgentConfig defaults = AgentConfig.defaults();
        return defaults.withRetries(defaults.maxAttempts(), defaults.initialBackoff(), ChatModels.timeout(System.getenv()));
    }
}

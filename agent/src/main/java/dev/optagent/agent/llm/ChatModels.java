package dev.optagent.agent.llm;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;

import java.time.Duration;
import java.util.Map;

/**
 * Builds a chat model from configuration in the usual style. Variables (or the same keys in a map):
 * {@code OPTAGENT_PROVIDER} = openai | ollama (inferred when absent), {@code OPTAGENT_MODEL} (model name),
 * {@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL} (any OpenAI-compatible server: vLLM, LM Studio,
 * llama.cpp, DeepSeek, ...), {@code OLLAMA_BASE_URL}, {@code OPTAGENT_LLM_TIMEOUT} (seconds per call).
 */
public final class ChatModels {

    public static final String HOW_TO_CONFIGURE = """
            No language model is configured. Set one of:
              OpenAI:             export OPENAI_API_KEY=sk-...            [OPTAGENT_MODEL=gpt-4o]
              OpenAI-compatible:  export OPENAI_BASE_URL=http://host:8000/v1 OPENAI_API_KEY=any OPTAGENT_MODEL=<served model>
              Anthropic:          export ANTHROPIC_API_KEY=sk-ant-...     [OPTAGENT_MODEL=claude-sonnet-4-5]
              Ollama:             export OLLAMA_BASE_URL=http://localhost:11434 OPTAGENT_MODEL=qwen2.5:14b
            (OPTAGENT_PROVIDER=openai|anthropic|ollama picks explicitly.)""";

    private ChatModels() {
    }

    /** What the configuration selects, for display (never includes the key). */
    public record Selection(String provider, String model, String baseUrl) { }

    public static Selection select(Map<String, String> env) {
        String provider = env.getOrDefault("OPTAGENT_PROVIDER", "").trim().toLowerCase(java.util.Locale.ROOT);
        if (provider.isEmpty()) {
            if (has(env, "OPENAI_API_KEY") || has(env, "OPENAI_BASE_URL")) provider = "openai";
            else if (has(env, "ANTHROPIC_API_KEY")) provider = "anthropic";
            else if (has(env, "OLLAMA_BASE_URL")) provider = "ollama";
            else throw new IllegalStateException(HOW_TO_CONFIGURE);
        }
        return switch (provider) {
            case "openai" -> new Selection("openai", env.getOrDefault("OPTAGENT_MODEL", env.getOrDefault("OPENAI_MODEL", "gpt-4o")),
                    env.getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1"));
            case "anthropic" -> new Selection("anthropic", env.getOrDefault("OPTAGENT_MODEL", "claude-sonnet-4-5"),
                    env.getOrDefault("ANTHROPIC_BASE_URL", "https://api.anthropic.com/v1/"));
            case "ollama" -> new Selection("ollama", env.getOrDefault("OPTAGENT_MODEL", env.getOrDefault("OLLAMA_MODEL", "qwen2.5:14b")),
                    env.getOrDefault("OLLAMA_BASE_URL", "http://localhost:11434"));
            default -> throw new IllegalStateException("unknown OPTAGENT_PROVIDER '" + provider + "'; expected openai, anthropic or ollama\n" + HOW_TO_CONFIGURE);
        };
    }

    public static ChatModel fromEnvironment() {
        return create(System.getenv(), timeout(System.getenv()));
    }

    /** {@code OPTAGENT_LLM_TIMEOUT} in seconds (default 300): how long one model call may take. */
    public static Duration timeout(Map<String, String> env) {
        String seconds = env.get("OPTAGENT_LLM_TIMEOUT");
        try {
            return seconds == null || seconds.isBlank() ? Duration.ofMinutes(5) : Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalStateException("OPTAGENT_LLM_TIMEOUT must be a number of seconds, not '" + seconds + "'");
        }
    }

    /** The selected provider's model, which knows where it is served (for error messages: {@link ServedChatModel}). */
    public static ChatModel create(Map<String, String> env, Duration timeout) {
        Selection selection = select(env);
        return new ServedChatModel(build(selection, env, timeout), selection);
    }

    private static ChatModel build(Selection selection, Map<String, String> env, Duration timeout) {
        return switch (selection.provider()) {
            case "openai" -> OpenAiChatModel.builder()
                    .apiKey(env.getOrDefault("OPENAI_API_KEY", "none"))
                    .baseUrl(selection.baseUrl())
                    .modelName(selection.model())
                    .timeout(timeout)
                    .maxRetries(0) // LlmClient retries, with backoff and its own accounting
                    .build();
            case "anthropic" -> AnthropicChatModel.builder()
                    .apiKey(env.getOrDefault("ANTHROPIC_API_KEY", "none"))
                    .baseUrl(selection.baseUrl())
                    .modelName(selection.model())
                    .maxTokens(8000)
                    .timeout(timeout)
                    .maxRetries(0)
                    .build();
            default -> OllamaChatModel.builder()
                    .baseUrl(selection.baseUrl())
                    .modelName(selection.model())
                    .timeout(timeout)
                    .maxRetries(0)
                    .build();
        };
    }

    private static boolean has(Map<String, String> env, String key) {
        String value = env.get(key);
        return value != null && !value.isBlank();
    }
}

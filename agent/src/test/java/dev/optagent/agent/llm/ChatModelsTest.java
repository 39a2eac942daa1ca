package dev.optagent.agent.llm;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Provider selection from the environment, in the usual variables; creating a model makes no network call. */
class ChatModelsTest {

    @Test
    void picksTheProviderFromTheUsualVariables() {
        assertEquals("openai", ChatModels.select(Map.of("OPENAI_API_KEY", "sk-x")).provider());
        var compatible = ChatModels.select(Map.of("OPENAI_BASE_URL", "http://vllm:8000/v1", "OPTAGENT_MODEL", "qwen"));
        assertEquals("http://vllm:8000/v1", compatible.baseUrl());
        assertEquals("qwen", compatible.model());
        var anthropic = ChatModels.select(Map.of("ANTHROPIC_API_KEY", "sk-ant-x"));
        assertEquals("anthropic", anthropic.provider());
        assertEquals("claude-sonnet-4-5", anthropic.model());
        assertEquals("ollama", ChatModels.select(Map.of("OLLAMA_BASE_URL", "http://localhost:11434")).provider());
        assertEquals("ollama", ChatModels.select(Map.of("OPTAGENT_PROVIDER", "Ollama", "OPENAI_API_KEY", "sk-x")).provider(),
                "an explicit choice wins");
    }

    @Test
    void createsEachProvidersModel() {
        Duration t = Duration.ofSeconds(5);
        assertInstanceOf(OpenAiChatModel.class, served(ChatModels.create(Map.of("OPENAI_API_KEY", "sk-x"), t)).model());
        assertInstanceOf(AnthropicChatModel.class, served(ChatModels.create(Map.of("ANTHROPIC_API_KEY", "sk-ant-x"), t)).model());
        ServedChatModel ollama = served(ChatModels.create(Map.of("OLLAMA_BASE_URL", "http://localhost:11434"), t));
        assertInstanceOf(OllamaChatModel.class, ollama.model());
        assertEquals("the Ollama server at http://localhost:11434 (model qwen2.5:14b)", ollama.describe());
    }

    private static ServedChatModel served(dev.langchain4j.model.chat.ChatModel model) {
        return assertInstanceOf(ServedChatModel.class, model, "the model knows where it is served");
    }

    @Test
    void withNothingConfiguredTheMessageSaysHow() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> ChatModels.select(Map.of()));
        assertTrue(none.getMessage().contains("OPENAI_API_KEY") && none.getMessage().contains("ANTHROPIC_API_KEY")
                && none.getMessage().contains("OLLAMA_BASE_URL"), none.getMessage());
        IllegalStateException unknown = assertThrows(IllegalStateException.class,
                () -> ChatModels.select(Map.of("OPTAGENT_PROVIDER", "gemini")));
        assertTrue(unknown.getMessage().contains("openai, anthropic or ollama"), unknown.getMessage());
    }
}

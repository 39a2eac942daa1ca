package dev.optagent.agent.llm;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.util.Map;
import java.util.Set;

/**
 * A chat model together with where it is served (the provider and its base URL), so a failure can say which server
 * was asked: "cannot connect" alone does not say where to look. Every call goes to the wrapped model unchanged.
 */
public final class ServedChatModel implements ChatModel {

    private static final Map<String, String> PROVIDER_WORDS = Map.of("openai", "OpenAI-compatible server", "anthropic", "Anthropic server",
            "ollama", "Ollama server");

    private final ChatModel model;
    private final ChatModels.Selection selection;

    public ServedChatModel(ChatModel model, ChatModels.Selection selection) {
        this.model = model;
        this.selection = selection;
    }

    /** The provider's own model. */
    public ChatModel model() {
        return model;
    }

    public ChatModels.Selection selection() {
        return selection;
    }

    /** "the OpenAI-compatible server at http://host:8000/v1 (model qwen2.5)". */
    public String describe() {
        return "the " + PROVIDER_WORDS.getOrDefault(selection.provider(), selection.provider() + " server") + " at " + selection.baseUrl()
                + " (model " + selection.model() + ")";
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        return model.chat(request);
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        return model.chat(request, options);
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        return model.doChat(request);
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }
}

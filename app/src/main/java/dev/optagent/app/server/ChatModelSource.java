package dev.optagent.app.server;

import dev.langchain4j.model.chat.ChatModel;

import java.util.Optional;

/**
 * Where the server's language model comes from. Production reads the environment ({@code OPENAI_*},
 * {@code OLLAMA_*}, {@code OPTAGENT_MODEL}); tests replace it with a scripted model.
 */
public interface ChatModelSource {

    /** What is configured, for display; never contains a key. */
    record Selection(boolean configured, String provider, String model, String howToConfigure, String baseUrl) {

        public Selection(boolean configured, String provider, String model, String howToConfigure) {
            this(configured, provider, model, howToConfigure, null);
        }
    }

    Selection selection();

    /** Empty when no model is configured: the app still works as a modeling workbench. */
    Optional<ChatModel> model();
}

package dev.optagent.app.server;

import dev.langchain4j.model.chat.ChatModel;
import dev.optagent.agent.llm.ChatModels;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;

/** The model configured by environment variables, exactly as for the CLI and the SDK. */
@ApplicationScoped
@DefaultBean
public class EnvironmentChatModelSource implements ChatModelSource {

    private final Selection selection;
    private final ChatModel model;

    public EnvironmentChatModelSource() {
        Map<String, String> env = System.getenv();
        Selection chosen;
        ChatModel created = null;
        try {
            ChatModels.Selection s = ChatModels.select(env);
            created = ChatModels.create(env, ChatModels.timeout(env));
            chosen = new Selection(true, s.provider(), s.model(), null, s.baseUrl());
        } catch (IllegalStateException e) {
            chosen = new Selection(false, null, null, e.getMessage());
        }
        this.selection = chosen;
        this.model = created;
    }

    @Override
    public Selection selection() {
        return selection;
    }

    @Override
    public Optional<ChatModel> model() {
        return Optional.ofNullable(model);
    }
}

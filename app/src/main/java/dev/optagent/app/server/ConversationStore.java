package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Conversations kept across reloads and restarts, one record per conversation in the server's {@link RecordStore}:
 * files under {@code optagent.data-dir}/conversations (written atomically) by default, the library's PostgreSQL
 * database when one is configured. Starting a conversation prunes by {@link ConversationRetention}
 * ({@code optagent.conversations.max-count}, {@code optagent.conversations.max-age}).
 */
@ApplicationScoped
public class ConversationStore {

    /** Ids are made by the browser (random UUIDs); anything else never reaches the store. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** A stored conversation as the list shows it. */
    public record Summary(String id, String title, String updated, int messages) { }

    @Inject
    ServerConfig config;

    private final ObjectMapper json = new ObjectMapper();
    private volatile RecordStore store;

    private RecordStore store() {
        if (store == null) {
            synchronized (this) {
                if (store == null) store = RecordStore.of("conversations", ID, config, json);
            }
        }
        return store;
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public List<Summary> list() {
        return store().all().stream()
                .map(node -> new Summary(node.path("id").asText(), node.path("title").asText("Untitled"), node.path("updated").asText(""),
                        node.path("log").size()))
                .sorted(Comparator.comparing(Summary::updated).reversed())
                .toList();
    }

    public Optional<JsonNode> read(String id) {
        return store().load(id).map(JsonNode.class::cast);
    }

    /** Stores the browser's document under its id, stamped with the time; returns the stored document. */
    public JsonNode save(String id, ObjectNode document) {
        document.put("id", id);
        document.put("updated", Instant.now().toString());
        boolean started = store().load(id).isEmpty();
        store().save(id, document);
        // Pruning reads every stored record, so it runs when a conversation starts (only then can the count grow), not on
        // every message of an ongoing one.
        if (started) new ConversationRetention(config.conversations().maxCount(), config.conversations().maxAge()).prune(store(), Instant.now());
        return document;
    }

    public boolean delete(String id) {
        return store().delete(id);
    }
}

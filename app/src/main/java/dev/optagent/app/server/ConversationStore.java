package dev.optagent.app.server;

import dev.optagent.formulation.io.AtomicFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Conversations kept across reloads and restarts: one JSON file per conversation under
 * {@code optagent.data-dir}/conversations, written atomically (temp file, fsync, rename), so a kill -9
 * mid-write leaves the previous version, never half a file. Each save prunes by {@link ConversationRetention}
 * ({@code optagent.conversations.max-count}, {@code optagent.conversations.max-age}).
 */
@ApplicationScoped
public class ConversationStore {

    /** Ids are made by the browser (random UUIDs); anything else never reaches the file system. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{8,64}");

    /** A stored conversation as the list shows it. */
    public record Summary(String id, String title, String updated, int messages) { }

    @Inject
    ServerConfig config;

    private final ObjectMapper json = new ObjectMapper();

    private Path dir() {
        return Paths.get(config.dataDir(), "conversations");
    }

    public static boolean validId(String id) {
        return id != null && ID.matcher(id).matches();
    }

    public List<Summary> list() {
        Path dir = dir();
        if (!Files.isDirectory(dir)) return List.of();
        List<Summary> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    JsonNode node = json.readTree(file.toFile());
                    out.add(new Summary(node.path("id").asText(), node.path("title").asText("Untitled"), node.path("updated").asText(""),
                            node.path("log").size()));
                } catch (IOException e) {
                    // an unreadable file is skipped, not fatal to the list
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(Summary::updated).reversed());
        return out;
    }

    public Optional<JsonNode> read(String id) {
        if (!validId(id)) return Optional.empty();
        Path file = dir().resolve(id + ".json");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(json.readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stores the browser's document under its id, stamped with the time; returns the stored document. */
    public JsonNode save(String id, ObjectNode document) {
        document.put("id", id);
        document.put("updated", Instant.now().toString());
        try {
            AtomicFile.write(dir().resolve(id + ".json"), json.writeValueAsBytes(document));
            new ConversationRetention(config.conversations().maxCount(), config.conversations().maxAge()).prune(dir(), Instant.now());
            return document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean delete(String id) {
        if (!validId(id)) return false;
        try {
            return Files.deleteIfExists(dir().resolve(id + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.optagent.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConversationRetentionTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private RecordStore store;

    private void stored(String id, int daysAgo) {
        ObjectNode record = JSON.createObjectNode().put("id", id).put("updated", NOW.minus(Duration.ofDays(daysAgo)).toString());
        store.save(id, record);
    }

    private List<String> left() {
        return store.all().stream().map(r -> r.path("id").asText()).sorted().toList();
    }

    @Test
    void keepsTheNewestUpToTheCountAndNoneOlderThanTheAge() {
        store = new FileRecordStore(dir, Pattern.compile("[a-z-]+"), JSON);
        stored("a-today", 0);
        stored("b-week", 7);
        stored("c-month", 30);
        stored("d-old", 120);

        assertEquals(List.of("d-old"), new ConversationRetention(0, Duration.ofDays(90)).prune(store, NOW));
        assertEquals(List.of("a-today", "b-week", "c-month"), left());

        assertEquals(List.of("c-month"), new ConversationRetention(2, Duration.ZERO).prune(store, NOW));
        assertEquals(List.of("a-today", "b-week"), left(), "the two most recently saved stay");

        assertEquals(0, new ConversationRetention(0, Duration.ZERO).prune(store, NOW).size(), "both limits off: nothing is pruned");
        assertEquals(List.of("b-week"), new ConversationRetention(5, Duration.ofDays(3)).prune(store, NOW));
        assertEquals(List.of("a-today"), left());
    }

    @Test
    void aRecordWithoutASaveTimeIsTheOldest() {
        store = new FileRecordStore(dir, Pattern.compile("[a-z-]+"), JSON);
        stored("a-today", 0);
        store.save("b-legacy", JSON.createObjectNode().put("id", "b-legacy"));
        assertEquals(List.of("b-legacy"), new ConversationRetention(1, Duration.ZERO).prune(store, NOW));
    }
}

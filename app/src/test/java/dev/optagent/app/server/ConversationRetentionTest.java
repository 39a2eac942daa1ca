package dev.optagent.app.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ConversationRetentionTest {

    @TempDir
    Path dir;

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    private void stored(String id, int daysAgo) throws Exception {
        Path file = Files.writeString(dir.resolve(id + ".json"), "{\"id\": \"" + id + "\"}");
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(Duration.ofDays(daysAgo))));
    }

    private List<String> left() throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void keepsTheNewestUpToTheCountAndNoneOlderThanTheAge() throws Exception {
        stored("a-today", 0);
        stored("b-week", 7);
        stored("c-month", 30);
        stored("d-old", 120);
        Files.writeString(dir.resolve("notes.txt"), "not a conversation");

        assertEquals(1, new ConversationRetention(0, Duration.ofDays(90)).prune(dir, NOW).size());
        assertEquals(List.of("a-today.json", "b-week.json", "c-month.json", "notes.txt"), left());

        assertEquals(1, new ConversationRetention(2, Duration.ZERO).prune(dir, NOW).size());
        assertEquals(List.of("a-today.json", "b-week.json", "notes.txt"), left(), "the two most recently saved stay");

        assertEquals(0, new ConversationRetention(0, Duration.ZERO).prune(dir, NOW).size(), "both limits off: nothing is pruned");
        assertEquals(1, new ConversationRetention(5, Duration.ofDays(3)).prune(dir, NOW).size());
        assertEquals(List.of("a-today.json", "notes.txt"), left());
    }
}

package dev.optagent.library.learn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.library.model.LibraryJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learning run's progress beside the library ({@code LIB.json.progress.jsonl}): one line per finished task, appended
 * and forced to disk after the task's accepted insights are in the library. A run killed with -9 resumes after the
 * last finished task; a task cut off mid-way is redone (its accepted insights are already stored and are re-used).
 * A torn last line (killed mid-write) is ignored.
 */
public final class LearnJournal {

    /** One finished task. */
    public record Entry(String task, int samples, int correct, List<String> accepted, int rejected, int calls, long inputTokens,
                        long outputTokens) {
        public Entry {
            accepted = List.copyOf(accepted);
        }

        public boolean solved() {
            return correct == samples;
        }
    }

    private final Path file;
    private final Map<String, Entry> done = new LinkedHashMap<>();

    public LearnJournal(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) return;
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) continue;
                try {
                    JsonNode node = LibraryJson.JSON.readTree(line);
                    Entry entry = LibraryJson.JSON.treeToValue(node, Entry.class);
                    if (entry != null && entry.task() != null) done.put(entry.task(), entry);
                } catch (JsonProcessingException e) {
                    // a line torn by a kill: that task is simply redone
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the learning journal " + file + ": " + e.getMessage(), e);
        }
    }

    public static Path beside(Path library) {
        return library.resolveSibling(library.getFileName() + ".progress.jsonl");
    }

    public synchronized boolean finished(String task) {
        return done.containsKey(task);
    }

    public synchronized List<Entry> entries() {
        return new ArrayList<>(done.values());
    }

    public synchronized int callsSpent() {
        return done.values().stream().mapToInt(Entry::calls).sum();
    }

    public synchronized void record(Entry entry) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                ByteBuffer bytes = ByteBuffer.wrap((LibraryJson.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) out.write(bytes);
                out.force(true);
            }
            done.put(entry.task(), entry);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the learning journal " + file + ": " + e.getMessage(), e);
        }
    }
}

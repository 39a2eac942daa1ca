package dev.optagent.app.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * How long stored conversations are kept: at most {@code maxCount} (the most recently saved), none older than
 * {@code maxAge} since its last save. Either limit at 0 is off. Age is the file's modification time, which is the
 * time of its last atomic save.
 */
record ConversationRetention(int maxCount, Duration maxAge) {

    private record Stored(Path file, Instant saved) { }

    /** Deletes what the policy no longer keeps in {@code dir}; returns the deleted files. */
    List<Path> prune(Path dir, Instant now) {
        if (!Files.isDirectory(dir) || (maxCount <= 0 && maxAge.isZero())) return List.of();
        List<Stored> stored = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                stored.add(new Stored(file, Files.getLastModifiedTime(file).toInstant()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the conversations in " + dir + ": " + e.getMessage(), e);
        }
        stored.sort(Comparator.comparing(Stored::saved).reversed());
        List<Path> deleted = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Stored s = stored.get(i);
            boolean tooMany = maxCount > 0 && i >= maxCount;
            boolean tooOld = !maxAge.isZero() && s.saved().isBefore(now.minus(maxAge));
            if (!tooMany && !tooOld) continue;
            try {
                if (Files.deleteIfExists(s.file())) deleted.add(s.file());
            } catch (IOException e) {
                // another request may be saving it right now; the next save prunes again
            }
        }
        return deleted;
    }
}

package dev.optagent.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How long stored conversations are kept: at most {@code maxCount} (the most recently saved), none older than
 * {@code maxAge} since its last save. Either limit at 0 is off. Age is the record's {@code updated} time, which
 * every save sets; a record without one counts as the oldest.
 */
record ConversationRetention(int maxCount, Duration maxAge) {

    private record Stored(String id, Instant saved) { }

    /** Deletes what the policy no longer keeps from {@code store}; returns the deleted ids. */
    List<String> prune(RecordStore store, Instant now) {
        if (maxCount <= 0 && maxAge.isZero()) return List.of();
        List<Stored> stored = new ArrayList<>();
        for (ObjectNode record : store.all()) {
            String id = record.path("id").asText("");
            if (!id.isEmpty()) stored.add(new Stored(id, savedAt(record)));
        }
        stored.sort(Comparator.comparing(Stored::saved).reversed());
        List<String> deleted = new ArrayList<>();
        for (int i = 0; i < stored.size(); i++) {
            Stored s = stored.get(i);
            boolean tooMany = maxCount > 0 && i >= maxCount;
            boolean tooOld = !maxAge.isZero() && s.saved().isBefore(now.minus(maxAge));
            // A delete that fails (another request saving it right now) is retried by the next save's prune.
            if ((tooMany || tooOld) && store.delete(s.id())) deleted.add(s.id());
        }
        return deleted;
    }

    private static Instant savedAt(ObjectNode record) {
        try {
            return Instant.parse(record.path("updated").asText(""));
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}

package dev.optagent.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Optional;

/**
 * Where the server keeps what it accepted (jobs, conversations) across restarts: one JSON record per id, replaced
 * whole at each change. The embedded default is {@link FileRecordStore} (files in the data directory); with the
 * experience library in PostgreSQL the records live in that database ({@link PostgresRecordStore}).
 */
public interface RecordStore {

    /** Replaces the record durably; returns only once it would survive a crash. */
    void save(String id, ObjectNode record);

    /** The record, or empty for an unknown id (an id that is not a valid one is unknown, never an error). */
    Optional<ObjectNode> load(String id);

    /** Every stored record, in no particular order. */
    List<ObjectNode> all();

    /** Forgets the record; false when there was none. */
    boolean delete(String id);

    /**
     * The store for one kind of record ({@code jobs}, {@code conversations}): in the library's PostgreSQL database
     * when {@code library} is a {@code jdbc:postgresql:} URL, else in {@code dataDir/kind} as files.
     */
    static RecordStore of(String kind, java.util.regex.Pattern validId, ServerConfig config, com.fasterxml.jackson.databind.ObjectMapper json) {
        String library = config.library().trim();
        return library.startsWith("jdbc:postgresql:") ? PostgresRecordStore.connect(library, kind, validId, json)
                : new FileRecordStore(java.nio.file.Path.of(config.dataDir()).resolve(kind), validId, json);
    }
}

package dev.optagent.app.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Records of one kind in the experience library's PostgreSQL database: table {@code optagent_records}, one row per
 * (kind, id) with the record as {@code jsonb}; a save is one committed upsert, so it is durable when it returns
 * (PostgreSQL's default {@code synchronous_commit}). The schema is created and migrated like the library's own
 * ({@code PostgresStore}): {@link #MIGRATIONS} in order, recorded in {@code optagent_app_schema}, under an advisory
 * lock so two servers starting at once migrate once; a database newer than this code is refused.
 */
public final class PostgresRecordStore implements RecordStore {

    /** Schema versions, in order: never edit a released one, append a new one. */
    static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE optagent_records (kind text NOT NULL, id text NOT NULL, body jsonb NOT NULL,
                                           updated_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (kind, id));
            """);

    /** Any constant other than the library's: serialises schema migrations of the app's tables. */
    private static final long MIGRATION_LOCK = 0x0b7a6e48L;

    private final String url;
    private final String kind;
    private final Pattern validId;
    private final ObjectMapper json;

    private PostgresRecordStore(String url, String kind, Pattern validId, ObjectMapper json) {
        this.url = url;
        this.kind = kind;
        this.validId = validId;
        this.json = json;
    }

    /** Connects to a JDBC URL ({@code jdbc:postgresql://host:port/db?user=...}) and migrates the schema. */
    public static PostgresRecordStore connect(String jdbcUrl, String kind, Pattern validId, ObjectMapper json) {
        PostgresRecordStore store = new PostgresRecordStore(jdbcUrl, kind, validId, json);
        store.migrate();
        return store;
    }

    private Connection open() throws SQLException {
        return DriverManager.getConnection(url);
    }

    /** The URL without a password, for messages. */
    private String redacted() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    int schemaVersion() {
        try (Connection db = open(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT coalesce(max(version), 0) FROM optagent_app_schema")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure("read the schema version", e);
        }
    }

    private void migrate() {
        try (Connection db = open()) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
                sql.execute("CREATE TABLE IF NOT EXISTS optagent_app_schema (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
                int current = 0;
                try (ResultSet rows = sql.executeQuery("SELECT coalesce(max(version), 0) FROM optagent_app_schema")) {
                    if (rows.next()) current = rows.getInt(1);
                }
                if (current > MIGRATIONS.size()) {
                    throw new IllegalStateException("the database " + redacted() + " has app schema version " + current
                            + ", newer than this OptAgent knows (" + MIGRATIONS.size() + "); upgrade OptAgent");
                }
                for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                    sql.execute(MIGRATIONS.get(version - 1));
                    sql.execute("INSERT INTO optagent_app_schema (version) VALUES (" + version + ")");
                }
            }
            db.commit();
        } catch (SQLException e) {
            throw failure("prepare the schema", e);
        }
    }

    @Override
    public void save(String id, ObjectNode record) {
        if (!valid(id)) throw new IllegalArgumentException("not a valid id: " + id);
        try (Connection db = open(); PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO optagent_records (kind, id, body) VALUES (?, ?, ?::jsonb)
                ON CONFLICT (kind, id) DO UPDATE SET body = excluded.body, updated_at = now()""")) {
            upsert.setString(1, kind);
            upsert.setString(2, id);
            upsert.setString(3, json.writeValueAsString(record));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw failure("store " + id, e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write record " + id + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public Optional<ObjectNode> load(String id) {
        if (!valid(id)) return Optional.empty();
        try (Connection db = open(); PreparedStatement query = db.prepareStatement("SELECT body FROM optagent_records WHERE kind = ? AND id = ?")) {
            query.setString(1, kind);
            query.setString(2, id);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? parse(rows.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("read " + id, e);
        }
    }

    @Override
    public List<ObjectNode> all() {
        List<ObjectNode> records = new ArrayList<>();
        try (Connection db = open(); PreparedStatement query = db.prepareStatement("SELECT body FROM optagent_records WHERE kind = ?")) {
            query.setString(1, kind);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) parse(rows.getString(1)).ifPresent(records::add);
            }
        } catch (SQLException e) {
            throw failure("list the " + kind, e);
        }
        return records;
    }

    @Override
    public boolean delete(String id) {
        if (!valid(id)) return false;
        try (Connection db = open(); PreparedStatement delete = db.prepareStatement("DELETE FROM optagent_records WHERE kind = ? AND id = ?")) {
            delete.setString(1, kind);
            delete.setString(2, id);
            return delete.executeUpdate() > 0;
        } catch (SQLException e) {
            throw failure("delete " + id, e);
        }
    }

    private boolean valid(String id) {
        return id != null && validId.matcher(id).matches();
    }

    private Optional<ObjectNode> parse(String body) {
        try {
            return json.readTree(body) instanceof ObjectNode record ? Optional.of(record) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("cannot " + what + " (" + kind + ") in " + redacted() + ": " + e.getMessage(), e);
    }
}

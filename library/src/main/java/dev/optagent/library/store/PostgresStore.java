package dev.optagent.library.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Provenance;
import dev.optagent.library.model.Rejection;
import dev.optagent.library.model.Taxonomy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * The shared library in PostgreSQL (plain JDBC). One row per insight (its JSON in a {@code jsonb} column, plus the
 * columns a query filters on), one row per rejection, one row of library metadata. {@link #update} runs in one
 * transaction under a transaction-scoped advisory lock: it reads the latest state, applies the change and writes only
 * what changed, so two learners writing at once see each other's insights and neither loses nor duplicates any.
 *
 * <p>The schema is created and migrated by {@link #MIGRATIONS}, applied in order and recorded in
 * {@code optagent_library_schema}; a server already at a newer version than this code knows is refused.
 */
public final class PostgresStore implements LibraryStore {

    /** Schema versions, in order: never edit a released one, append a new one. */
    static final List<String> MIGRATIONS = List.of(
            """
            CREATE TABLE library_meta (name text PRIMARY KEY, provenance jsonb NOT NULL, labels_added jsonb NOT NULL DEFAULT '[]');
            CREATE TABLE insights (id text PRIMARY KEY, version int NOT NULL, status text NOT NULL, stage text NOT NULL,
                                   level1 text NOT NULL, level2 text NOT NULL, body jsonb NOT NULL,
                                   updated_at timestamptz NOT NULL DEFAULT now());
            CREATE INDEX insights_by_taxonomy ON insights (stage, level1, level2);
            CREATE TABLE rejections (seq bigserial PRIMARY KEY, body jsonb NOT NULL, created_at timestamptz NOT NULL DEFAULT now());
            """,
            """
            ALTER TABLE insights ADD COLUMN position bigserial;
            """);

    /** Any constant: the advisory lock that serialises writers of one database's library. */
    private static final long WRITE_LOCK = 0x0b7a6e47L;

    private final String url;
    private final Properties properties;
    private final String name;

    private PostgresStore(String url, Properties properties, String name) {
        this.url = url;
        this.properties = properties;
        this.name = name;
    }

    /** Connects to a JDBC URL ({@code jdbc:postgresql://host:port/db?user=...&password=...}) and migrates the schema. */
    public static PostgresStore connect(String jdbcUrl) {
        return connect(jdbcUrl, new Properties(), "shared");
    }

    public static PostgresStore connect(String jdbcUrl, Properties properties, String name) {
        PostgresStore store = new PostgresStore(jdbcUrl, properties, name);
        store.migrate();
        return store;
    }

    private Connection open() throws SQLException {
        try {
            return DriverManager.getConnection(url, properties);
        } catch (SQLException e) {
            throw new SQLException("cannot connect to the library database " + redacted() + ": " + e.getMessage(), e.getSQLState(), e);
        }
    }

    /** The URL without a password, for messages and provenance. */
    private String redacted() {
        return url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    void migrate() {
        try (Connection db = open()) {
            db.setAutoCommit(false);
            try (Statement sql = db.createStatement()) {
                sql.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
                sql.execute("CREATE TABLE IF NOT EXISTS optagent_library_schema (version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");
                int current = 0;
                try (ResultSet rows = sql.executeQuery("SELECT coalesce(max(version), 0) FROM optagent_library_schema")) {
                    if (rows.next()) current = rows.getInt(1);
                }
                if (current > MIGRATIONS.size()) {
                    throw new IllegalStateException("the library database " + redacted() + " has schema version " + current
                            + ", newer than this OptAgent knows (" + MIGRATIONS.size() + "); upgrade OptAgent");
                }
                for (int version = current + 1; version <= MIGRATIONS.size(); version++) {
                    sql.execute(MIGRATIONS.get(version - 1));
                    sql.execute("INSERT INTO optagent_library_schema (version) VALUES (" + version + ")");
                }
            }
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare the library schema in " + redacted() + ": " + e.getMessage(), e);
        }
    }

    public int schemaVersion() {
        try (Connection db = open(); Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT max(version) FROM optagent_library_schema")) {
            return rows.next() ? rows.getInt(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @Override
    public Library load() {
        try (Connection db = open()) {
            db.setAutoCommit(false);
            db.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Library library = read(db);
            db.commit();
            return library;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the library from " + redacted() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Library update(UnaryOperator<Library> change) {
        try (Connection db = open()) {
            db.setAutoCommit(false);
            try {
                try (Statement sql = db.createStatement()) {
                    sql.execute("SELECT pg_advisory_xact_lock(" + WRITE_LOCK + ")");
                }
                Library before = read(db);
                Library after = change.apply(before);
                write(db, before, after);
                db.commit();
                return after;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the library to " + redacted() + ": " + e.getMessage(), e);
        }
    }

    private Library read(Connection db) throws SQLException {
        Provenance provenance = Provenance.unmeasured("shared library in PostgreSQL");
        List<Taxonomy> labels = List.of();
        try (PreparedStatement query = db.prepareStatement("SELECT provenance, labels_added FROM library_meta WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                if (rows.next()) {
                    provenance = parse(rows.getString(1), Provenance.class);
                    labels = List.of(parse(rows.getString(2), Taxonomy[].class));
                }
            }
        }
        List<Insight> insights = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("SELECT body FROM insights ORDER BY position")) {
            while (rows.next()) insights.add(parse(rows.getString(1), Insight.class));
        }
        List<Rejection> rejected = new ArrayList<>();
        try (Statement sql = db.createStatement(); ResultSet rows = sql.executeQuery("SELECT body FROM rejections ORDER BY seq")) {
            while (rows.next()) rejected.add(parse(rows.getString(1), Rejection.class));
        }
        return new Library(Library.FORMAT, name, provenance, labels, insights, rejected);
    }

    /** Writes the difference: changed or new insights upserted, dropped ones deleted, new rejections appended. */
    private void write(Connection db, Library before, Library after) throws SQLException {
        try (PreparedStatement meta = db.prepareStatement("""
                INSERT INTO library_meta (name, provenance, labels_added) VALUES (?, ?::jsonb, ?::jsonb)
                ON CONFLICT (name) DO UPDATE SET provenance = excluded.provenance, labels_added = excluded.labels_added""")) {
            meta.setString(1, name);
            meta.setString(2, json(after.provenance()));
            meta.setString(3, json(after.labelsAdded()));
            meta.executeUpdate();
        }
        Map<String, Insight> old = new HashMap<>();
        for (Insight insight : before.insights()) old.put(insight.id(), insight);
        try (PreparedStatement upsert = db.prepareStatement("""
                INSERT INTO insights (id, version, status, stage, level1, level2, body) VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)
                ON CONFLICT (id) DO UPDATE SET version = excluded.version, status = excluded.status, stage = excluded.stage,
                  level1 = excluded.level1, level2 = excluded.level2, body = excluded.body, updated_at = now()""")) {
            for (Insight insight : after.insights()) {
                if (Objects.equals(old.remove(insight.id()), insight)) continue;
                upsert.setString(1, insight.id());
                upsert.setInt(2, insight.version());
                upsert.setString(3, insight.status().json());
                upsert.setString(4, insight.taxonomy().stage());
                upsert.setString(5, insight.taxonomy().level1());
                upsert.setString(6, insight.taxonomy().level2());
                upsert.setString(7, json(insight));
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
        try (PreparedStatement delete = db.prepareStatement("DELETE FROM insights WHERE id = ?")) {
            for (String id : old.keySet()) {
                delete.setString(1, id);
                delete.addBatch();
            }
            delete.executeBatch();
        }
        List<Rejection> added = after.rejected().subList(Math.min(before.rejected().size(), after.rejected().size()), after.rejected().size());
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO rejections (body) VALUES (?::jsonb)")) {
            for (Rejection rejection : added) {
                insert.setString(1, json(rejection));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static String json(Object value) {
        try {
            return LibraryJson.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("library records always serialise", e);
        }
    }

    private static <T> T parse(String json, Class<T> type) {
        try {
            return LibraryJson.JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a library row is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    @Override
    public String describe() {
        return redacted();
    }
}

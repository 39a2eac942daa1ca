package dev.optagent.app.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Jobs and conversations in PostgreSQL, against the real throw-away server {@code .ci/postgres.sh} starts and names in
 * {@code OPTAGENT_TEST_POSTGRES}; each test gets its own fresh database. A "restart" is a new store instance.
 */
class PostgresRecordStoreTest {

    static String server;

    @BeforeAll
    static void server() {
        server = System.getenv("OPTAGENT_TEST_POSTGRES");
        assumeTrue(server != null, "OPTAGENT_TEST_POSTGRES is not set: run through .ci/run (or source .ci/postgres.sh) to test against a real server");
    }

    private static String freshDatabase() throws Exception {
        String name = "records_test_" + Long.toHexString(System.nanoTime());
        try (Connection db = DriverManager.getConnection(server); Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        return server.replace("/postgres?", "/" + name + "?");
    }

    @Test
    void aFinishedJobAnswersAfterARestartAndARunningOneEndsInterrupted() throws Exception {
        String url = freshDatabase();
        RecordStoreRestart.finishedJobsAnswerAndUnfinishedOnesFail(
                () -> PostgresRecordStore.connect(url, "jobs", JobRegistry.JOB_ID, RecordStoreRestart.JSON), () -> { });
        assertEquals(1, PostgresRecordStore.connect(url, "jobs", JobRegistry.JOB_ID, RecordStoreRestart.JSON).schemaVersion(),
                "connecting again migrates nothing twice");
    }

    @Test
    void kindsShareTheTableButNotTheirRecords() throws Exception {
        String url = freshDatabase();
        var ids = java.util.regex.Pattern.compile("[A-Za-z0-9-]{8,64}");
        RecordStore jobs = PostgresRecordStore.connect(url, "jobs", ids, RecordStoreRestart.JSON);
        RecordStore conversations = PostgresRecordStore.connect(url, "conversations", ids, RecordStoreRestart.JSON);
        ObjectNode chat = RecordStoreRestart.JSON.createObjectNode().put("title", "bakery");
        chat.putArray("log").add("make bread");
        conversations.save("chat-0001", chat);
        jobs.save("chat-0001", RecordStoreRestart.record("chat-0001", "DONE"));
        assertEquals("bakery", PostgresRecordStore.connect(url, "conversations", ids, RecordStoreRestart.JSON)
                .load("chat-0001").orElseThrow().path("title").asText());
        assertEquals(1, conversations.all().size());
        assertTrue(jobs.load("chat-0001").orElseThrow().has("job"));
        assertTrue(conversations.load("x'; DROP TABLE optagent_records; --").isEmpty());
    }
}

package dev.optagent.library;

import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.Outcome;
import dev.optagent.library.model.Rejection;
import dev.optagent.library.model.TaskEvidence;
import dev.optagent.library.store.PostgresStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL store against a real server: {@code .ci/run} starts a throw-away cluster and sets
 * {@code OPTAGENT_TEST_POSTGRES}; each test gets its own fresh database.
 */
class PostgresStoreTest {

    static String server;

    @BeforeAll
    static void server() {
        server = System.getenv("OPTAGENT_TEST_POSTGRES");
        assumeTrue(server != null, "OPTAGENT_TEST_POSTGRES is not set: run through .ci/run (or source .ci/postgres.sh) to test against a real server");
    }

    private static String freshDatabase() throws Exception {
        String name = "library_test_" + Long.toHexString(System.nanoTime());
        try (Connection db = DriverManager.getConnection(server); Statement sql = db.createStatement()) {
            sql.execute("CREATE DATABASE " + name);
        }
        return server.replace("/postgres?", "/" + name + "?");
    }

    @Test
    void theSchemaIsCreatedAndMigratedOnceAndALibraryRoundTrips() throws Exception {
        String url = freshDatabase();
        try (PostgresStore store = PostgresStore.connect(url)) {
            assertEquals(2, store.schemaVersion());
            Insight share = RetrievalTest.SHARE.withEvidence(new TaskEvidence("t9", Outcome.HELPED, "2026-01-01", "n"));
            store.update(library -> library.with(share).with(RetrievalTest.TOUR)
                    .withRejection(new Rejection("x", "candidate", "t1", null, "c", "regressed on t2", "2026-01-01")));
            Library loaded = PostgresStore.connect(url).load();
            assertEquals(List.of(share, RetrievalTest.TOUR), loaded.insights());
            assertEquals("regressed on t2", loaded.rejected().getFirst().reason());
            store.update(library -> library.without("tour"));
            assertEquals(List.of("share"), store.load().insights().stream().map(Insight::id).toList());
        }
        try (PostgresStore again = PostgresStore.connect(url)) {
            assertEquals(2, again.schemaVersion(), "connecting again migrates nothing twice");
        }
    }

    @Test
    void twoConcurrentWritersLoseAndDuplicateNothing() throws Exception {
        String url = freshDatabase();
        PostgresStore.connect(url).update(library -> library.with(RetrievalTest.SHARE));
        int perWriter = 20;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> writers = new java.util.ArrayList<>();
            for (String writer : List.of("a", "b")) {
                writers.add(pool.submit(() -> {
                    try (PostgresStore store = PostgresStore.connect(url)) {
                        start.await();
                        for (int k = 0; k < perWriter; k++) {
                            int n = k;
                            String id = writer + "-" + n;
                            store.update(library -> library
                                    .with(Fixtures.insight(id, "blending", "applies when " + id, "explains " + id, List.of(id)))
                                    // the same insight learned by both writers: one copy
                                    .with(Fixtures.insight("both-" + n, "blending", "applies when both " + n, "explains", List.of("x")))
                                    // evidence on one shared insight from both writers: no lost update
                                    .update("share", i -> i.withEvidence(new TaskEvidence(id, Outcome.HELPED, "2026-01-01", null)))
                                    .withRejection(new Rejection(id, "candidate", id, null, "c", "test " + id, "2026-01-01")));
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) writer.get();
        } finally {
            pool.shutdown();
        }
        Library library = PostgresStore.connect(url).load();
        Set<String> ids = new HashSet<>();
        library.insights().forEach(insight -> assertTrue(ids.add(insight.id()), "duplicate " + insight.id()));
        assertEquals(1 + 2 * perWriter + perWriter, library.insights().size());
        for (int k = 0; k < perWriter; k++) {
            assertTrue(ids.contains("a-" + k) && ids.contains("b-" + k) && ids.contains("both-" + k));
        }
        assertEquals(2 * perWriter, library.find("share").orElseThrow().evidence().count(Outcome.HELPED), "every writer's evidence is kept");
        assertEquals(2 * perWriter, library.rejected().size());
    }

    @Test
    void aBadUrlGetsAClearErrorWithoutThePassword() {
        IllegalStateException error = assertThrows(IllegalStateException.class,
                () -> PostgresStore.connect("jdbc:postgresql://127.0.0.1:1/none?user=x&password=secret"));
        assertTrue(error.getMessage().startsWith("cannot prepare the library schema in jdbc:postgresql://127.0.0.1:1/none"), error.getMessage());
        assertFalse(error.getMessage().contains("secret"));
    }
}

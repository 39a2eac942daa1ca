package dev.optagent.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.UUID;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every {@link RecordStore} must do across a restart (a new store instance on the same data), for each backend's test. */
final class RecordStoreRestart {

    static final ObjectMapper JSON = new ObjectMapper();

    private RecordStoreRestart() {
    }

    static ObjectNode record(String id, String state) {
        ObjectNode record = JSON.createObjectNode().put("problem", "p");
        record.putObject("job").put("id", id).put("state", state);
        return record;
    }

    /** Stores a finished, a running and a queued job; {@code between} runs before the "restart" (e.g. a torn write). */
    static void finishedJobsAnswerAndUnfinishedOnesFail(Supplier<RecordStore> open, Runnable between) {
        RecordStore store = open.get();
        String done = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        String queued = UUID.randomUUID().toString();
        ObjectNode finished = record(done, "DONE");
        ((ObjectNode) finished.get("job")).putObject("result").put("status", "OPTIMAL").put("objective", 84);
        store.save(done, finished);
        store.save(running, record(running, "QUEUED"));
        store.save(running, record(running, "RUNNING")); // replaced whole, never two records
        store.save(queued, record(queued, "QUEUED"));
        between.run();

        RecordStore reopened = open.get();
        assertEquals(2, JobRegistry.markInterrupted(reopened, JSON));
        assertEquals("OPTIMAL", reopened.load(done).orElseThrow().path("job").path("result").path("status").asText());
        for (String id : new String[] {running, queued}) {
            ObjectNode job = (ObjectNode) reopened.load(id).orElseThrow().get("job");
            assertEquals("FAILED", job.path("state").asText());
            assertTrue(job.path("error").path("detail").asText().startsWith("interrupted by a restart"), job.toString());
        }
        assertEquals(0, JobRegistry.markInterrupted(reopened, JSON), "ended once, for good");
        assertEquals(3, reopened.all().size());
        assertTrue(reopened.delete(queued));
        assertFalse(reopened.delete(queued), "deleted once");
        assertTrue(open.get().load(queued).isEmpty());
        assertTrue(reopened.load("../../etc/passwd").isEmpty(), "an invalid id is unknown, never a path or a query");
    }
}

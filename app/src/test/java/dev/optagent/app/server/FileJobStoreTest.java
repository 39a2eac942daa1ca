package dev.optagent.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stored jobs: whole records replaced atomically, unfinished ones ended by a restart, ids never paths. */
class FileJobStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    private static ObjectNode record(String id, String state) {
        ObjectNode record = JSON.createObjectNode().put("problem", "p");
        record.putObject("job").put("id", id).put("state", state);
        return record;
    }

    @Test
    void aRestartEndsUnfinishedJobsWithTheReasonAndKeepsFinishedOnes() throws IOException {
        FileJobStore store = new FileJobStore(data, JSON);
        String done = UUID.randomUUID().toString();
        String running = UUID.randomUUID().toString();
        String queued = UUID.randomUUID().toString();
        ObjectNode finished = record(done, "DONE");
        ((ObjectNode) finished.get("job")).putObject("result").put("status", "OPTIMAL").put("objective", 84);
        store.save(done, finished);
        store.save(running, record(running, "RUNNING"));
        store.save(queued, record(queued, "QUEUED"));
        // A kill -9 in the middle of a write leaves only a temporary file, which is never read as a job.
        Files.writeString(data.resolve("jobs").resolve(UUID.randomUUID() + ".json.tmp"), "{\"job\": {\"sta");

        FileJobStore reopened = new FileJobStore(data, JSON);
        assertEquals(2, JobRegistry.markInterrupted(reopened, JSON));
        assertEquals("OPTIMAL", reopened.load(done).orElseThrow().path("job").path("result").path("status").asText());
        for (String id : new String[] {running, queued}) {
            ObjectNode job = (ObjectNode) reopened.load(id).orElseThrow().get("job");
            assertEquals("FAILED", job.path("state").asText());
            assertTrue(job.path("error").path("detail").asText().startsWith("interrupted by a restart"), job.toString());
        }
        assertEquals(0, JobRegistry.markInterrupted(reopened, JSON), "ended once, for good");
        assertEquals(3, reopened.all().size());
    }

    @Test
    void anIdThatIsNotAJobIdNeverBecomesAPath() {
        FileJobStore store = new FileJobStore(data, JSON);
        assertTrue(store.load("../../etc/passwd").isEmpty());
        assertTrue(store.load("%2e%2e%2fjobs").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.save("../x", record("x", "DONE")));
    }
}

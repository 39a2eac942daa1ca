package dev.optagent.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
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
class FileRecordStoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;


    @Test
    void aRestartEndsUnfinishedJobsWithTheReasonAndKeepsFinishedOnes() {
        // A kill -9 in the middle of a write leaves only a temporary file, which is never read as a job.
        RecordStoreRestart.finishedJobsAnswerAndUnfinishedOnesFail(
                () -> new FileRecordStore(data.resolve("jobs"), JobRegistry.JOB_ID, JSON),
                () -> write(data.resolve("jobs").resolve(UUID.randomUUID() + ".json.tmp"), "{\"job\": {\"sta"));
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anIdThatIsNotAJobIdNeverBecomesAPath() {
        FileRecordStore store = new FileRecordStore(data.resolve("jobs"), JobRegistry.JOB_ID, JSON);
        assertTrue(store.load("../../etc/passwd").isEmpty());
        assertTrue(store.load("%2e%2e%2fjobs").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> store.save("../x", RecordStoreRestart.record("x", "DONE")));
    }
}

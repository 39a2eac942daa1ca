package dev.optagent.formulation.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFileTest {

    @TempDir
    Path dir;

    private long leftovers() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
            return files.filter(f -> f.toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void writesCreatesTheDirectoryReplacesAndLeavesNoTemporaryFile() throws Exception {
        Path file = dir.resolve("sub").resolve("state.json");
        AtomicFile.writeText(file, "{\"round\": 1}");
        AtomicFile.writeText(file, "{\"round\": 2}");
        assertEquals("{\"round\": 2}", Files.readString(file));
        assertEquals(0, leftovers());
    }

    @Test
    void aFailedWriteLeavesTheOldContentAndSaysWhichFile() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("sub"));
        Path blocked = Files.createDirectories(sub.resolve("blocked"));
        Files.writeString(blocked.resolve("inside"), "x"); // a non-empty directory cannot be replaced by a file
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> AtomicFile.writeText(blocked, "new"));
        assertTrue(e.getMessage().startsWith("cannot write " + blocked), e.getMessage());
        assertEquals("x", Files.readString(blocked.resolve("inside")));
        assertEquals(0, leftovers(), "the temporary file is removed on failure");
    }
}

package dev.optagent.formulation.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that a kill -9 at any moment leaves either the old or the new content, never half of it: a temporary
 * file in the same directory, forced to disk, renamed over the file, then the directory synced (the rename is durable
 * only once the directory entry is on disk). The one place every module's stores, studies, checkpoints and caches write
 * through; it lives in the lowest module so all of them may use it.
 */
public final class AtomicFile {

    private AtomicFile() {
    }

    /** Replaces {@code file} with {@code content}, creating its directory if needed. */
    public static void write(Path file, byte[] content) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer bytes = ByteBuffer.wrap(content);
                while (bytes.hasRemaining()) channel.write(bytes);
                channel.force(true);
            }
            replace(temp, file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** {@link #write(Path, byte[])} of UTF-8 text, failing with "cannot write FILE: reason". */
    public static void writeText(Path file, String content) {
        try {
            write(file, content.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Renames a finished file (already forced, in the same directory) over {@code file}, durably. */
    public static void replace(Path finished, Path file) throws IOException {
        try {
            Files.move(finished, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(finished, file, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(file.toAbsolutePath().getParent());
    }

    /** Deletes {@code file} if it exists, durably (the directory is synced); true when it existed. */
    public static boolean delete(Path file) throws IOException {
        boolean deleted = Files.deleteIfExists(file);
        syncDirectory(file.toAbsolutePath().getParent());
        return deleted;
    }

    private static void syncDirectory(Path directory) {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // not every platform can open a directory; the data itself was forced already
        }
    }
}

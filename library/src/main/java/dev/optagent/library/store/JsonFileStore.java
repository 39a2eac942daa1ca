package dev.optagent.library.store;

import dev.optagent.formulation.io.AtomicFile;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Provenance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.UnaryOperator;

/**
 * The embedded library: one reviewable JSON file. Every write goes to a temporary file beside it, is forced to disk,
 * then renamed over the old file, so a kill at any moment leaves either the old or the new library, never half of
 * one. Writers in other processes are serialised by a lock file ({@code FILE.lock}).
 */
public final class JsonFileStore implements LibraryStore {

    private final Path file;

    public JsonFileStore(Path file) {
        this.file = file.toAbsolutePath();
    }

    /** A file store that creates {@code file} as an empty library if it does not exist yet. */
    public static JsonFileStore createIfMissing(Path file, String name) {
        JsonFileStore store = new JsonFileStore(file);
        if (!Files.exists(store.file)) store.update(ignored -> Library.empty(name, Provenance.unmeasured("learning in progress")));
        return store;
    }

    public Path file() {
        return file;
    }

    @Override
    public Library load() {
        if (!Files.isRegularFile(file)) throw new IllegalArgumentException("no library file " + file);
        try {
            return LibraryJson.read(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Library update(UnaryOperator<Library> change) {
        try {
            Path parent = file.getParent();
            Files.createDirectories(parent);
            Path lockFile = parent.resolve(file.getFileName() + ".lock");
            try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = lockChannel.lock()) {
                Library current = Files.isRegularFile(file) ? load()
                        : Library.empty(file.getFileName().toString().replaceFirst("\\.json$", ""), Provenance.unmeasured("new library"));
                Library next = change.apply(current);
                write(next);
                return next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the library " + file + ": " + e.getMessage(), e);
        }
    }

    private void write(Library library) throws IOException {
        AtomicFile.write(file, LibraryJson.write(library).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String describe() {
        return "file:" + file;
    }
}

package dev.optagent.app.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optagent.formulation.io.AtomicFile;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Records as files in one directory ({@code jobs/<id>.json}), each written the way databases write a page:
 * a temporary file, fsync, an atomic rename over the old one, fsync of the directory. A kill -9 at any moment
 * leaves either the old record or the new one, never a torn one.
 */
public final class FileRecordStore implements RecordStore {

    private static final Logger LOG = Logger.getLogger(FileRecordStore.class);

    private final Path directory;
    /** What an id looks like; anything else never becomes a path. */
    private final Pattern validId;
    private final ObjectMapper json;

    public FileRecordStore(Path directory, Pattern validId, ObjectMapper json) {
        this.directory = directory;
        this.validId = validId;
        this.json = json;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String id, ObjectNode record) {
        Path target = file(id).orElseThrow(() -> new IllegalArgumentException("not a valid id: " + id));
        try {
            AtomicFile.write(target, json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store " + id + " in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<ObjectNode> load(String id) {
        return file(id).filter(Files::isRegularFile).flatMap(this::read);
    }

    @Override
    public List<ObjectNode> all() {
        List<ObjectNode> records = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json")).forEach(f -> read(f).ifPresent(records::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
        return records;
    }

    @Override
    public boolean delete(String id) {
        Optional<Path> file = file(id);
        if (file.isEmpty()) return false;
        try {
            return AtomicFile.delete(file.get());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + id + " from " + directory + ": " + e.getMessage(), e);
        }
    }

    private Optional<Path> file(String id) {
        return id != null && validId.matcher(id).matches() ? Optional.of(directory.resolve(id + ".json")) : Optional.empty();
    }

    private Optional<ObjectNode> read(Path file) {
        try {
            return json.readTree(file.toFile()) instanceof ObjectNode record ? Optional.of(record) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("skipping unreadable record %s: %s", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }
}

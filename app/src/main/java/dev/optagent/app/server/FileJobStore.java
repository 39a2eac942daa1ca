package dev.optagent.app.server;

import dev.optagent.formulation.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Jobs as files in a data directory ({@code jobs/<id>.json}), each written the way databases write a page:
 * a temporary file, fsync, an atomic rename over the old one, fsync of the directory. A kill -9 at any moment
 * leaves either the old record or the new one, never a torn one.
 */
public final class FileJobStore implements JobStore {

    private static final Logger LOG = Logger.getLogger(FileJobStore.class);
    /** Job ids are UUIDs; anything else never becomes a path. */
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");

    private final Path directory;
    private final ObjectMapper json;

    public FileJobStore(Path dataDirectory, ObjectMapper json) {
        this.directory = dataDirectory.resolve("jobs");
        this.json = json;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the job directory " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void save(String id, ObjectNode record) {
        Path target = file(id).orElseThrow(() -> new IllegalArgumentException("not a job id: " + id));
        try {
            AtomicFile.write(target, json.writeValueAsBytes(record));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store job " + id + ": " + e.getMessage(), e);
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

    private Optional<Path> file(String id) {
        return id != null && ID.matcher(id).matches() ? Optional.of(directory.resolve(id + ".json")) : Optional.empty();
    }

    private Optional<ObjectNode> read(Path file) {
        try {
            return json.readTree(file.toFile()) instanceof ObjectNode record ? Optional.of(record) : Optional.empty();
        } catch (IOException e) {
            LOG.warnf("skipping unreadable job record %s: %s", file.getFileName(), e.getMessage());
            return Optional.empty();
        }
    }
}

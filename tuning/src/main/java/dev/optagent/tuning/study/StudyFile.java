package dev.optagent.tuning.study;

import dev.optagent.formulation.io.AtomicFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.optagent.tuning.space.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * A study kept in one JSON file, rewritten atomically after every ask and tell (temporary file, fsync, rename),
 * so a kill -9 at any moment leaves either the previous or the new study, never half of one.
 */
public final class StudyFile {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path path;

    public StudyFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    public boolean exists() {
        return Files.isRegularFile(path);
    }

    public void save(Study study) {
        try {
            AtomicFile.write(path, JSON.writeValueAsBytes(study));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the study to " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads the study and normalises every configuration against its space (JSON numbers come back untyped). */
    public Study load() {
        Study raw;
        try {
            raw = JSON.readValue(path.toFile(), Study.class);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is not a readable study file: " + e.getMessage(), e);
        }
        if (raw.format() != Study.FORMAT) {
            throw new IllegalArgumentException(path + " has study format " + raw.format() + "; this build reads format " + Study.FORMAT);
        }
        List<Trial> trials = new ArrayList<>();
        for (Trial t : raw.trials()) {
            trials.add(new Trial(t.number(), normalise(raw, t.config()), t.state(), t.value(), t.source(), t.message(), t.askedAt(), t.finishedAt()));
        }
        List<Configuration> queue = raw.designQueue() == null ? null : raw.designQueue().stream().map(c -> normalise(raw, c)).toList();
        return new Study(raw.format(), raw.name(), raw.description(), raw.space(), raw.settings(), trials, queue, raw.warmStart(),
                raw.samplerExchanges());
    }

    private static Configuration normalise(Study study, Configuration config) {
        return study.space().validate(config.values());
    }
}

package dev.optagent.datasets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a dataset file in any {@link DatasetFormat} and {@link RecordLayout}. A record that cannot be read is
 * reported by file and line (or record key) and skipped; the rest of the file is still used.
 */
public final class DatasetReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReader() {
    }

    /** A file in the normalised JSONL format. */
    public static Dataset read(Path file) {
        return read(file, name(file), DatasetFormat.NORMALISED, RecordLayout.JSON_LINES, name(file));
    }

    /**
     * @param name   the dataset's name in reports
     * @param prefix id prefix for formats whose records carry no benchmark name ({@code <prefix>-<key>})
     */
    public static Dataset read(Path file, String name, DatasetFormat format, RecordLayout layout, String prefix) {
        List<Problem> problems = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        RecordSink sink = (where, key, node) -> {
            try {
                if (!node.isObject()) throw new IllegalArgumentException("not a JSON object");
                Problem problem = format.toProblem(prefix, key, node);
                if (!ids.add(problem.id())) errors.add(where + "duplicate id '" + problem.id() + "' (the first one is kept)");
                else problems.add(problem);
            } catch (IllegalArgumentException e) {
                errors.add(where + e.getMessage());
            }
        };
        try {
            switch (layout) {
                case JSON_LINES -> readLines(file, sink, errors);
                case JSON_ARRAY, JSON_OBJECT -> readDocument(file, layout, sink);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
        String checksum;
        try {
            checksum = DatasetResolver.sha256(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
        return new Dataset(name, problems, errors, new Dataset.Origin(file.toAbsolutePath().toString(), checksum, null, null));
    }

    private interface RecordSink {
        void accept(String where, String key, JsonNode node);
    }

    private static void readLines(Path file, RecordSink sink, List<String> errors) throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            int record = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                String where = file + ":" + number + ": ";
                try {
                    sink.accept(where, String.valueOf(record++), JSON.readTree(line));
                } catch (JsonProcessingException e) {
                    errors.add(where + "not a JSON object: " + e.getOriginalMessage());
                }
            }
        }
    }

    private static void readDocument(Path file, RecordLayout layout, RecordSink sink) throws IOException {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new DatasetException(file + ": not a JSON document (" + e.getOriginalMessage() + ")");
        }
        if (layout == RecordLayout.JSON_ARRAY) {
            if (!root.isArray()) throw new DatasetException(file + ": expected a JSON array of problems");
            for (int i = 0; i < root.size(); i++) sink.accept(file + "#" + i + ": ", String.valueOf(i), root.get(i));
        } else {
            if (!root.isObject()) throw new DatasetException(file + ": expected a JSON object keyed by problem id");
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sink.accept(file + "#" + e.getKey() + ": ", e.getKey(), e.getValue());
            }
        }
    }

    private static String name(Path file) {
        return file.getFileName().toString().replaceFirst("\\.jsonl?$", "");
    }
}

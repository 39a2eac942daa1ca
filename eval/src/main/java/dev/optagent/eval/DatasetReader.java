package dev.optagent.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the normalised JSONL format, one problem per line; bad lines are reported by file and line, not fatal. */
public final class DatasetReader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DatasetReader() {
    }

    public static Dataset read(Path file) {
        List<Problem> problems = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) continue;
                String where = file + ":" + number + ": ";
                try {
                    JsonNode node = JSON.readTree(line);
                    String id = text(node, "id");
                    String question = text(node, "question");
                    if (id == null || question == null) {
                        errors.add(where + "a problem needs \"id\" and \"question\"");
                        continue;
                    }
                    if (!ids.add(id)) {
                        errors.add(where + "duplicate id '" + id + "' (the first one is kept)");
                        continue;
                    }
                    JsonNode answer = node.get("answer");
                    if (answer != null && !answer.isNull() && !answer.isNumber()) {
                        errors.add(where + "\"answer\" must be a number or null, not " + answer);
                        continue;
                    }
                    problems.add(new Problem(id, question, answer == null || answer.isNull() ? null : answer.doubleValue(),
                            text(node, "type"), node.has("has_table") ? node.get("has_table").asBoolean() : null));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    errors.add(where + "not a JSON object: " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dataset " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
        return new Dataset(name, problems, errors);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

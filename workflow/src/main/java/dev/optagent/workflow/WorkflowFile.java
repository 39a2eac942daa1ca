package dev.optagent.workflow;

import dev.optagent.formulation.io.AtomicFile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workflow file ({@code WF.json}): {@code format}, {@code name}, {@code description}, {@code checksum}
 * (of the values, informational), {@code parameters} (name → value) and {@code notes} (provenance).
 * Parameters a file leaves out take their defaults, so files stay valid when parameters are added.
 */
public final class WorkflowFile {

    public static final String FORMAT = "optagent-workflow/1";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    private static final ObjectMapper COMPACT = JsonMapper.builder().build();

    private WorkflowFile() {
    }

    public static String toJson(Workflow workflow) {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("name", workflow.name());
        root.put("description", workflow.description());
        root.put("checksum", workflow.checksum());
        ObjectNode parameters = root.putObject("parameters");
        workflow.values().forEach((name, value) -> parameters.set(name, JSON.valueToTree(value)));
        if (!workflow.notes().isEmpty()) root.set("notes", JSON.valueToTree(workflow.notes()));
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(Path file, Workflow workflow) {
        AtomicFile.writeText(file, toJson(workflow));
    }

    public static Workflow read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new WorkflowException("no workflow file " + file);
        } catch (IOException e) {
            throw new WorkflowException("cannot read " + file + ": " + e.getMessage());
        }
        return parse(text, file.toString());
    }

    /** Reads a workflow file's text; every problem (format, unknown parameter, constraint) is reported at once. */
    public static Workflow parse(String text, String source) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new WorkflowException(source + " is not JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr() + ")");
        }
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) throw new WorkflowException(source + " is not a workflow file (a JSON object is expected)");
        if (!FORMAT.equals(root.path("format").asText())) problems.add("\"format\" must be \"" + FORMAT + "\"");
        if (!root.path("name").isTextual() || root.path("name").asText().isBlank()) problems.add("\"name\" is missing");
        if (!root.path("parameters").isObject()) problems.add("\"parameters\" must be an object of name: value");
        if (!problems.isEmpty()) throw new WorkflowException(problems.stream().map(p -> source + ": " + p).toList());
        Map<String, Object> raw = new LinkedHashMap<>();
        root.path("parameters").properties().forEach(e -> raw.put(e.getKey(), scalar(e.getValue())));
        Map<String, Object> notes = root.path("notes").isObject() ? COMPACT.convertValue(root.path("notes"), Map.class) : Map.of();
        try {
            return Workflow.of(root.path("name").asText(), root.path("description").asText(""), raw, cast(notes));
        } catch (WorkflowException e) {
            throw new WorkflowException(e.problems().stream().map(p -> source + ": " + p).toList());
        }
    }

    /** The stored checksum of a file, if it has one (a hand edit makes it stale; the values decide). */
    public static String storedChecksum(String text) {
        try {
            return JSON.readTree(text).path("checksum").asText(null);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Compact JSON with sorted keys: the text a checksum is taken of. */
    static String canonical(Map<String, Object> values) {
        try {
            return COMPACT.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object scalar(JsonNode node) {
        if (node.isTextual()) return node.textValue();
        if (node.isBoolean()) return node.booleanValue();
        if (node.isIntegralNumber()) return node.intValue();
        if (node.isNumber()) return node.doubleValue();
        return node.toString();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }
}

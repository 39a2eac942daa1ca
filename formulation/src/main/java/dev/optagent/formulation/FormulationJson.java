package dev.optagent.formulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads and writes formulations as JSON, turning Jackson's errors into {@link Diagnostic}s. */
public final class FormulationJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // Text after the document and a field given twice would otherwise be dropped without a word.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private FormulationJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static Formulation parse(String json) {
        try {
            Formulation formulation = MAPPER.readValue(json, Formulation.class);
            if (formulation == null) {
                throw new FormulationException(Diagnostic.error("json", "formulation", null, 0,
                        "the document is empty").expecting("a JSON object with sets, parameters, variables, objective, constraints"));
            }
            return formulation;
        } catch (JsonProcessingException e) {
            throw new FormulationException(describe(e));
        }
    }

    /** Parses UTF-8 bytes; bytes that are not UTF-8 are an error naming the first bad byte and its offset. */
    public static Formulation parse(byte[] utf8) {
        return parse(JsonWording.utf8(utf8));
    }

    public static Formulation read(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public static String write(Formulation formulation) {
        try {
            return MAPPER.writeValueAsString(formulation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a formulation record always serialises", e);
        }
    }

    private static Diagnostic describe(JsonProcessingException e) {
        return JsonWording.describe(e);
    }

    /**
     * What is wrong with any JSON document (a request body, a chat message) in the format's words: the path,
     * the JSON shape expected and found, the line and column; never a Java or Jackson name.
     */
    public static String explain(JsonProcessingException e) {
        return describe(e).withoutSeverity();
    }
}

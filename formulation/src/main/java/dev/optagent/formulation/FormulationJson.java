package dev.optagent.formulation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads and writes formulations as JSON, turning Jackson's errors into {@link Diagnostic}s. */
public final class FormulationJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
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

    public static Formulation read(Path file) {
        try {
            return parse(Files.readString(file));
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
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        int offset = at == null ? -1 : (int) Math.max(-1, at.getCharOffset());
        String path = e instanceof JsonMappingException mapping ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[") : "";
        if (e instanceof UnrecognizedPropertyException unknown) {
            // The path ends with the unknown field itself; the element is where it was found.
            String owner = path.endsWith(unknown.getPropertyName())
                    ? path.substring(0, path.length() - unknown.getPropertyName().length()).replaceAll("\\.$", "") : path;
            String known = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", "));
            Diagnostic d = Diagnostic.error("json.unknown-field", owner.isEmpty() ? "formulation" : owner, unknown.getPropertyName(),
                    offset, "unknown field '" + unknown.getPropertyName() + "'" + where).expecting("one of " + known);
            String close = Names.closest(unknown.getPropertyName(),
                    unknown.getKnownPropertyIds().stream().map(Object::toString).toList());
            return close == null ? d : d.suggesting("'" + close + "'");
        }
        String message = e.getOriginalMessage();
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException illegal && illegal.getMessage() != null) {
            message = illegal.getMessage();
        }
        return Diagnostic.error("json", path.isEmpty() ? "formulation" : path, null, offset,
                "not a valid formulation document: " + firstLine(message) + where);
    }

    private static String firstLine(String text) {
        if (text == null) return "malformed JSON";
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}

package dev.optagent.library.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/** The library's JSON form (schema: {@code docs/library.schema.json}), pretty-printed so that diffs review well. */
public final class LibraryJson {

    public static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private LibraryJson() {
    }

    public static String write(Library library) {
        try {
            return JSON.writeValueAsString(library) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a library always serialises", e);
        }
    }

    public static Library read(String json, String source) {
        try {
            Library library = JSON.readValue(json, Library.class);
            if (library == null) throw new IllegalArgumentException(source + " is empty, not a library");
            return library;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new IllegalArgumentException(source + " is not a valid experience library" + where + ": " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    public static String writeInsights(List<Insight> insights) {
        try {
            return JSON.writeValueAsString(insights);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("insights always serialise", e);
        }
    }

    /** SHA-256 of the library's JSON text: what run.json records so a run names the exact library it used. */
    public static String checksum(Library library) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(write(library).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

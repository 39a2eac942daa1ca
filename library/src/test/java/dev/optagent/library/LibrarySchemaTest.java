package dev.optagent.library;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Rejection;
import dev.optagent.library.store.BuiltInLibrary;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

/** The published schema (docs/library.schema.json) names exactly the records' fields, and the CLI contract's fields are required. */
class LibrarySchemaTest {

    static JsonNode schema() throws Exception {
        return LibraryJson.JSON.readTree(Path.of("..", "docs", "library.schema.json").toFile());
    }

    private static Set<String> names(JsonNode properties) {
        Set<String> names = new HashSet<>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> components(Class<?> record) {
        Set<String> names = new HashSet<>();
        Arrays.stream(record.getRecordComponents()).forEach(c -> names.add(c.getName()));
        return names;
    }

    @Test
    void theSchemaMatchesTheRecords() throws Exception {
        JsonNode schema = schema();
        assertEquals(components(Library.class), names(schema.path("properties")));
        assertEquals(components(Insight.class), names(schema.path("$defs").path("insight").path("properties")));
        assertEquals(components(Rejection.class), names(schema.path("$defs").path("rejection").path("properties")));
        Set<String> required = new HashSet<>();
        schema.path("$defs").path("insight").path("required").forEach(n -> required.add(n.asText()));
        assertTrue(required.containsAll(List.of("id", "status", "taxonomy", "condition", "explanation", "evidence")));
    }

    @Test
    void theShippedLibraryUsesOnlySchemaFields() throws Exception {
        JsonNode shipped = LibraryJson.JSON.readTree(LibraryJson.write(BuiltInLibrary.shipped()));
        assertTrue(names(schema().path("properties")).containsAll(names(shipped)));
    }
}

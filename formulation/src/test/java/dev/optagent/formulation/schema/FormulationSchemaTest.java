package dev.optagent.formulation.schema;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.Objective;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.SetDecl;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.VariableType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The schema follows the records and the JSON reader, and {@code docs/formulation.schema.json} is the
 * generated schema. To rewrite that file after changing the records or the tables in the generator:
 * <pre>./mvnw -o -pl formulation test -Dtest=FormulationSchemaTest -Dschema.update=true</pre>
 */
class FormulationSchemaTest {

    static final Path SCHEMA_FILE = docs().resolve("formulation.schema.json");

    private static final ObjectMapper MAPPER = FormulationJson.mapper();
    private static final Map<String, Class<?>> RECORDS = Map.of(
            "SetDecl", SetDecl.class, "ParameterDecl", ParameterDecl.class, "VariableDecl", VariableDecl.class,
            "Objective", Objective.class, "ConstraintDecl", ConstraintDecl.class);

    /** The repository's docs directory; tests run in the module directory. */
    static Path docs() {
        Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
        return module.toAbsolutePath().getParent().resolve("docs").normalize();
    }

    static JsonNode read(String resource) throws IOException {
        try (InputStream in = FormulationSchemaTest.class.getResourceAsStream(resource)) {
            assertTrue(in != null, "missing test resource " + resource);
            return MAPPER.readTree(in);
        }
    }

    @Test
    void committedSchemaIsUpToDate() throws IOException {
        String generated = FormulationSchema.json();
        if (Boolean.getBoolean("schema.update")) {
            Files.createDirectories(SCHEMA_FILE.getParent());
            Files.writeString(SCHEMA_FILE, generated, StandardCharsets.UTF_8);
            return;
        }
        String how = "; regenerate it with: ./mvnw -o -pl formulation test -Dtest=FormulationSchemaTest -Dschema.update=true";
        if (!Files.exists(SCHEMA_FILE)) fail(SCHEMA_FILE + " is missing" + how);
        String committed = Files.readString(SCHEMA_FILE, StandardCharsets.UTF_8);
        if (!committed.equals(generated)) {
            fail(SCHEMA_FILE + " is out of date with the formulation records or FormulationSchema" + how
                    + "\nfirst difference at line " + firstDifferentLine(committed, generated));
        }
    }

    private static int firstDifferentLine(String a, String b) {
        String[] left = a.split("\n", -1);
        String[] right = b.split("\n", -1);
        int k = 0;
        while (k < left.length && k < right.length && left[k].equals(right[k])) k++;
        return k + 1;
    }

    @Test
    void isADraft202012SchemaWithTheRootInlineAndNestedTypesInDefs() {
        ObjectNode schema = FormulationSchema.schema();
        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertEquals("object", schema.get("type").asText());
        assertEquals(List.of("name", "description", "assumptions", "sets", "parameters", "variables", "objective", "objectives", "constraints", "scenarios"),
                names(schema.get("properties")));
        assertEquals(new TreeSet<>(List.of("SetDecl", "ParameterDecl", "VariableDecl", "Objective", "Goal", "Scenario", "ConstraintDecl",
                "Sense", "VariableType")), new TreeSet<>(names(schema.get("$defs"))));
        assertEquals("#/$defs/Objective", schema.at("/properties/objective/$ref").asText());
        assertEquals("#/$defs/ConstraintDecl", schema.at("/properties/constraints/items/$ref").asText());
        // schema() hands out a copy each time
        schema.put("title", "changed");
        assertEquals("OptAgent formulation", FormulationSchema.schema().get("title").asText());
    }

    @Test
    void propertyNamesAreTheOnesJacksonReads() {
        ObjectNode schema = FormulationSchema.schema();
        assertEquals(jacksonNames(Formulation.class), new TreeSet<>(names(schema.get("properties"))));
        RECORDS.forEach((def, type) -> assertEquals(jacksonNames(type),
                new TreeSet<>(names(schema.at("/$defs/" + def + "/properties"))), def));
        assertEquals(List.of("name", "description", "for", "if", "expression"),
                names(schema.at("/$defs/ConstraintDecl/properties")), "@JsonPropertyOrder is followed");
        assertTrue(schema.at("/$defs/ParameterDecl/properties").has("default"));
        assertFalse(schema.at("/$defs/ParameterDecl/properties").has("defaultValue"));
    }

    private static Set<String> jacksonNames(Class<?> type) {
        JavaType javaType = MAPPER.constructType(type);
        return MAPPER.getDeserializationConfig().introspect(javaType).findProperties().stream()
                .filter(BeanPropertyDefinition::couldDeserialize)
                .map(BeanPropertyDefinition::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void enumsListTheirJsonValuesWhichJacksonReadsBack() throws IOException {
        ObjectNode schema = FormulationSchema.schema();
        assertEquals(List.of("minimize", "maximize", "feasible"), texts(schema.at("/$defs/Sense/enum")));
        assertEquals(List.of("continuous", "integer", "binary"), texts(schema.at("/$defs/VariableType/enum")));
        for (String sense : texts(schema.at("/$defs/Sense/enum"))) {
            assertEquals(sense, MAPPER.readValue("\"" + sense + "\"", Sense.class).json());
        }
        for (String type : texts(schema.at("/$defs/VariableType/enum"))) {
            assertEquals(type, MAPPER.readValue("\"" + type + "\"", VariableType.class).json());
        }
        assertEquals("#/$defs/VariableType", schema.at("/$defs/VariableDecl/properties/type/$ref").asText());
        assertEquals("continuous", schema.at("/$defs/VariableDecl/properties/type/default").asText());
    }

    @Test
    void everyObjectIsClosedAndEveryPropertyDescribed() {
        List<String> problems = new ArrayList<>();
        walk(FormulationSchema.schema(), "#", problems);
        assertEquals(List.of(), problems);
    }

    /** Checks every subschema: only keywords {@link MiniValidator} knows, closed objects, described properties. */
    private static void walk(JsonNode schema, String path, List<String> problems) {
        for (String keyword : names(schema)) {
            if (!MiniValidator.KEYWORDS.contains(keyword)) problems.add(path + ": keyword " + keyword + " is not checked by tests");
        }
        if (schema.has("properties")) {
            if (!schema.path("additionalProperties").isBoolean() || schema.get("additionalProperties").asBoolean()) {
                problems.add(path + ": object without additionalProperties: false");
            }
            for (String name : names(schema.get("properties"))) {
                JsonNode property = schema.get("properties").get(name);
                if (property.path("description").asText().isBlank()) problems.add(path + "/properties/" + name + ": no description");
                walk(property, path + "/properties/" + name, problems);
            }
            for (JsonNode required : schema.path("required")) {
                if (!schema.get("properties").has(required.asText())) problems.add(path + ": unknown required " + required);
            }
        }
        if (schema.has("$defs")) {
            for (String name : names(schema.get("$defs"))) {
                JsonNode definition = schema.get("$defs").get(name);
                if (definition.path("description").asText().isBlank()) problems.add(path + "/$defs/" + name + ": no description");
                walk(definition, path + "/$defs/" + name, problems);
            }
        }
        if (schema.has("items")) walk(schema.get("items"), path + "/items", problems);
        int k = 0;
        for (JsonNode option : schema.path("anyOf")) walk(option, path + "/anyOf/" + k++, problems);
    }

    @Test
    void requiredFieldsAndDefaultsMatchTheLanguage() {
        ObjectNode schema = FormulationSchema.schema();
        assertFalse(schema.has("required"), "no section is required by the schema (objective or objectives: validation says which is missing)");
        assertEquals(List.of("name"), texts(schema.at("/$defs/SetDecl/required")));
        assertEquals(List.of("name"), texts(schema.at("/$defs/ParameterDecl/required")));
        assertEquals(List.of("name"), texts(schema.at("/$defs/VariableDecl/required")));
        assertEquals(List.of("sense"), texts(schema.at("/$defs/Objective/required")), "a feasible objective has no expression");
        assertEquals(List.of("expression"), texts(schema.at("/$defs/ConstraintDecl/required")));
        assertEquals(0, schema.at("/$defs/VariableDecl/properties/lower/default").asInt(-1));
        assertEquals("inf", schema.at("/$defs/VariableDecl/properties/upper/default").asText());
        assertEquals(2, schema.at("/$defs/SetDecl/properties/range/minItems").asInt());
        assertEquals("integer", schema.at("/$defs/SetDecl/properties/range/items/type").asText());
    }

    /** The name rules in the schema are the ones validation applies. */
    @Test
    void reservedWordsInTheNameDescriptionAreTheGroundersList() throws ReflectiveOperationException {
        Field field = Class.forName("dev.optagent.formulation.ground.Grounder").getDeclaredField("RESERVED");
        field.setAccessible(true);
        @SuppressWarnings("unchecked")
        Set<String> reserved = (Set<String>) field.get(null);
        String description = FormulationSchema.schema().at("/$defs/VariableDecl/properties/name/description").asText();
        String listed = description.substring(description.indexOf('(') + 1, description.indexOf(')'));
        assertEquals(new TreeSet<>(reserved), new TreeSet<>(List.of(listed.split(",\\s*"))));
    }

    @Test
    void acceptsTheTransportExample() throws IOException {
        JsonNode transport = read("/transport.json");
        ObjectNode schema = FormulationSchema.schema();
        assertEquals(List.of(), MiniValidator.validate(schema, transport));
        // structurally: every section and every field the example uses is declared
        for (String section : names(transport)) assertTrue(schema.get("properties").has(section), section);
        Map<String, String> defs = Map.of("sets", "SetDecl", "parameters", "ParameterDecl", "variables", "VariableDecl",
                "constraints", "ConstraintDecl");
        defs.forEach((section, def) -> {
            for (JsonNode item : transport.get(section)) {
                for (String field : names(item)) {
                    assertTrue(schema.at("/$defs/" + def + "/properties").has(field), def + "." + field);
                }
                for (JsonNode required : schema.at("/$defs/" + def + "/required")) {
                    assertTrue(item.has(required.asText()), section + " item lacks " + required);
                }
            }
        });
        // and the reader agrees the document is a formulation
        assertEquals("transport", FormulationJson.parse(transport.toString()).name());
    }

    @Test
    void acceptsEveryFormOfTheLanguage() throws IOException {
        JsonNode document = MAPPER.readTree("""
                {"name": "forms",
                 "sets": [{"name": "T", "range": [1, 4]},
                          {"name": "Nodes", "elements": ["a", "b", "c"]},
                          {"name": "Arcs", "elements": [["a", "b"], ["b", "c"]]},
                          {"name": "Years", "elements": [2025, 2026]}],
                 "parameters": [{"name": "cap", "index": ["Arcs"], "values": {"a,b": 4}, "default": 1},
                                {"name": "demand", "index": ["T"], "values": [1, 2, 3, 4]},
                                {"name": "rate", "value": 0.5, "unit": "per cent"},
                                {"name": "floor_level", "values": 2}],
                 "variables": [{"name": "flow", "index": ["Arcs"], "upper": "cap"},
                               {"name": "slack", "lower": "-inf", "upper": "inf"},
                               {"name": "open", "index": ["Nodes"], "type": "binary"}],
                 "objective": {"sense": "maximize", "expression": "sum(flow[i, j] for (i, j) in Arcs)"},
                 "constraints": [{"name": "c", "for": "(i, j) in Arcs", "if": "open[i] == 1", "expression": "flow[i, j] <= 3"}]}
                """);
        assertEquals(List.of(), MiniValidator.validate(FormulationSchema.schema(), document));
    }

    @Test
    void rejectsWhatTheReaderOrValidationRejects() throws IOException {
        ObjectNode schema = FormulationSchema.schema();
        assertRejected(schema, "{\"variabels\": []}", "additional property 'variabels'");
        assertRejected(schema, "{\"variables\": [{\"name\": \"x\", \"kind\": \"integer\"}]}", "additional property 'kind'");
        assertRejected(schema, "{\"variables\": [{\"name\": \"x\", \"type\": \"boolean variable\"}]}", "is not one of");
        assertRejected(schema, "{\"objective\": {\"expression\": \"x\"}}", "missing required property 'sense'");
        assertRejected(schema, "{\"objective\": {\"sense\": \"any\"}}", "is not one of");
        assertRejected(schema, "{\"constraints\": [{\"name\": \"c\"}]}", "missing required property 'expression'");
        assertRejected(schema, "{\"sets\": [{\"name\": \"2T\", \"range\": [1, 2]}]}", "does not match");
        assertRejected(schema, "{\"sets\": [{\"name\": \"T\", \"range\": [1, 2, 3]}]}", "more than 2 items");
        assertRejected(schema, "{\"sets\": [{\"name\": \"T\", \"elements\": [[\"a\"]]}]}", "matches none of");
        assertRejected(schema, "{\"parameters\": [{\"name\": \"p\", \"values\": \"many\"}]}", "is not of type");
        assertRejected(schema, "{\"variables\": [{\"name\": \"x\", \"lower\": [0]}]}", "is not of type");
    }

    private static void assertRejected(JsonNode schema, String json, String expected) throws IOException {
        List<String> errors = MiniValidator.validate(schema, MAPPER.readTree(json));
        assertTrue(errors.stream().anyMatch(e -> e.contains(expected)), () -> json + " gave " + errors);
    }

    static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }
}

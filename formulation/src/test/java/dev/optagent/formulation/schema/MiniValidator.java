package dev.optagent.formulation.schema;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A JSON Schema validator for exactly the keywords {@link FormulationSchema} uses, so tests can check
 * documents against the schema without a validator dependency. {@link #KEYWORDS} lists them; the tests
 * assert the schema uses no other, so nothing is silently ignored.
 */
final class MiniValidator {

    /** Keywords this validator checks, plus the annotations it may skip. */
    static final Set<String> KEYWORDS = Set.of("$schema", "title", "description", "default", "$defs",
            "$ref", "type", "properties", "required", "additionalProperties", "items", "enum", "anyOf",
            "pattern", "minItems", "maxItems");

    private final JsonNode root;
    private final List<String> errors = new ArrayList<>();

    private MiniValidator(JsonNode root) {
        this.root = root;
    }

    /** Every violation, as "path: problem"; empty when the document conforms. */
    static List<String> validate(JsonNode schema, JsonNode document) {
        MiniValidator validator = new MiniValidator(schema);
        validator.check(schema, document, "$");
        return validator.errors;
    }

    private void check(JsonNode schema, JsonNode value, String path) {
        for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
            String keyword = names.next();
            if (!KEYWORDS.contains(keyword)) throw new IllegalArgumentException("unsupported keyword " + keyword + " at " + path);
        }
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            if (!ref.startsWith("#/$defs/")) throw new IllegalArgumentException("unsupported $ref " + ref);
            JsonNode target = root.path("$defs").get(ref.substring("#/$defs/".length()));
            if (target == null) {
                errors.add(path + ": dangling $ref " + ref);
                return;
            }
            check(target, value, path);
        }
        if (schema.has("type") && !typeMatches(schema.get("type"), value)) {
            errors.add(path + ": " + kind(value) + " is not of type " + schema.get("type"));
            return;
        }
        if (schema.has("enum")) {
            boolean found = false;
            for (JsonNode option : schema.get("enum")) found |= option.equals(value);
            if (!found) errors.add(path + ": " + value + " is not one of " + schema.get("enum"));
        }
        if (schema.has("pattern") && value.isTextual()
                && !Pattern.compile(schema.get("pattern").asText()).matcher(value.asText()).find()) {
            errors.add(path + ": '" + value.asText() + "' does not match " + schema.get("pattern").asText());
        }
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode option : schema.get("anyOf")) {
                any |= validate(root, option, value).isEmpty();
            }
            if (!any) errors.add(path + ": " + value + " matches none of " + schema.get("anyOf"));
        }
        if (value.isArray()) {
            if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) {
                errors.add(path + ": fewer than " + schema.get("minItems") + " items");
            }
            if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) {
                errors.add(path + ": more than " + schema.get("maxItems") + " items");
            }
            if (schema.has("items")) {
                for (int k = 0; k < value.size(); k++) check(schema.get("items"), value.get(k), path + "[" + k + "]");
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            for (JsonNode required : schema.path("required")) {
                if (!value.has(required.asText())) errors.add(path + ": missing required property '" + required.asText() + "'");
            }
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                if (properties.has(field.getKey())) {
                    check(properties.get(field.getKey()), field.getValue(), path + "." + field.getKey());
                } else if (schema.has("additionalProperties") && !schema.get("additionalProperties").asBoolean(true)) {
                    errors.add(path + ": additional property '" + field.getKey() + "' is not allowed");
                }
            }
        }
    }

    private static List<String> validate(JsonNode root, JsonNode schema, JsonNode value) {
        MiniValidator validator = new MiniValidator(root);
        validator.check(schema, value, "$");
        return validator.errors;
    }

    private static boolean typeMatches(JsonNode type, JsonNode value) {
        if (type.isArray()) {
            for (JsonNode option : type) if (typeMatches(option, value)) return true;
            return false;
        }
        return switch (type.asText()) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "number" -> value.isNumber();
            case "integer" -> value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "boolean" -> value.isBoolean();
            case "null" -> value.isNull();
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
    }

    private static String kind(JsonNode value) {
        return value.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + " " + value;
    }
}

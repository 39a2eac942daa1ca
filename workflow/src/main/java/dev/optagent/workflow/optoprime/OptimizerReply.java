package dev.optagent.workflow.optoprime;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.llm.JsonReply;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The optimizer's reply {@code {reasoning, answer, suggestion}}, read tolerantly: a fenced or bare JSON object
 * (comments, trailing commas, single quotes), key names in any case ({@code Suggestion}, {@code suggestions}),
 * values wrapped as {@code {"value": ...}}, or the XML-tag form ({@code <reasoning>}, {@code <suggestion>}) that
 * some models prefer. Suggested values are raw here: {@link SuggestionCheck} validates them before any use.
 *
 * @param parsed false when no suggestion could be read at all (the reply is kept for the record)
 */
public record OptimizerReply(String reasoning, String answer, Map<String, Object> suggestion, boolean parsed) {

    private static final Pattern TAG = Pattern.compile("<(reasoning|answer|suggestion)>(.*?)</\\1>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    public OptimizerReply {
        suggestion = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(suggestion));
    }

    public static OptimizerReply parse(String reply) {
        if (reply == null) return new OptimizerReply("", "", Map.of(), false);
        var json = JsonReply.extract(reply);
        if (json.isPresent()) {
            JsonNode root = json.get();
            JsonNode suggestion = field(root, "suggestion", "suggestions", "update", "updates");
            if (suggestion != null && suggestion.isObject()) {
                return new OptimizerReply(text(field(root, "reasoning", "analysis", "thoughts")), text(field(root, "answer", "summary")),
                        values(suggestion), true);
            }
        }
        Map<String, String> tags = new LinkedHashMap<>();
        Matcher m = TAG.matcher(reply);
        while (m.find()) tags.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
        if (tags.containsKey("suggestion")) {
            var inner = JsonReply.extract(tags.get("suggestion"));
            if (inner.isPresent()) {
                return new OptimizerReply(tags.getOrDefault("reasoning", ""), tags.getOrDefault("answer", ""), values(inner.get()), true);
            }
        }
        return new OptimizerReply(tags.getOrDefault("reasoning", ""), tags.getOrDefault("answer", ""), Map.of(), false);
    }

    private static JsonNode field(JsonNode root, String... names) {
        for (var e : (Iterable<Map.Entry<String, JsonNode>>) root.properties()::iterator) {
            for (String name : names) if (e.getKey().strip().equalsIgnoreCase(name)) return e.getValue();
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node == null ? "" : node.isTextual() ? node.textValue() : node.toString();
    }

    private static Map<String, Object> values(JsonNode suggestion) {
        Map<String, Object> values = new LinkedHashMap<>();
        suggestion.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (v.isObject() && v.has("value")) v = v.get("value");
            Object value = v.isTextual() ? v.textValue() : v.isBoolean() ? (Object) v.booleanValue()
                    : v.isIntegralNumber() ? (Object) v.intValue() : v.isNumber() ? (Object) v.doubleValue() : v.toString();
            values.put(e.getKey(), value);
        });
        return values;
    }
}

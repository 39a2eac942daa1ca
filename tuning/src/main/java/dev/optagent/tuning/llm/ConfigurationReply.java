package dev.optagent.tuning.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.llm.JsonReply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configurations out of a model's reply, tolerantly: {"configurations": [...]} in a fenced block or bare,
 * any other key holding a list of objects, a bare list, or a single configuration object. Fences, comments,
 * trailing commas and single quotes are accepted (via the agent's {@link JsonReply}).
 */
public final class ConfigurationReply {

    private static final ObjectMapper PLAIN = new ObjectMapper();

    private ConfigurationReply() {
    }

    /** The raw configurations (not yet checked against the space); empty when the reply holds none. */
    public static List<Map<String, Object>> parse(String reply) {
        int open = reply.indexOf('[');
        int brace = reply.indexOf('{');
        // A bare list comes first when its '[' precedes every '{' (else the first item would pass for the answer).
        if (open >= 0 && (brace < 0 || open < brace)) {
            List<Map<String, Object>> list = fromList(reply, open);
            if (!list.isEmpty()) return list;
        }
        Optional<JsonNode> object = JsonReply.extract(reply);
        if (object.isPresent()) {
            List<Map<String, Object>> found = fromObject(object.get());
            if (!found.isEmpty()) return found;
        }
        return open >= 0 ? fromList(reply, open) : List.of();
    }

    private static List<Map<String, Object>> fromList(String reply, int open) {
        int close = reply.lastIndexOf(']');
        if (close <= open) return List.of();
        return JsonReply.extract("{\"configurations\": " + reply.substring(open, close + 1) + "}")
                .map(ConfigurationReply::fromObject).orElse(List.of());
    }

    private static List<Map<String, Object>> fromObject(JsonNode node) {
        JsonNode list = node.get("configurations");
        if (list == null || !list.isArray()) {
            list = null;
            for (var field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                if (field.getValue().isArray() && field.getValue().size() > 0 && field.getValue().get(0).isObject()) {
                    list = field.getValue();
                    break;
                }
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (list == null) {
            if (node.size() > 0 && allScalar(node)) out.add(toMap(node));
            return out;
        }
        for (JsonNode item : list) if (item.isObject()) out.add(toMap(item));
        return out;
    }

    private static boolean allScalar(JsonNode node) {
        for (JsonNode value : node) if (value.isContainerNode()) return false;
        return true;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> toMap(JsonNode node) {
        return new LinkedHashMap<>(PLAIN.convertValue(node, Map.class));
    }
}

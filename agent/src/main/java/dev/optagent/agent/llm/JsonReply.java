package dev.optagent.agent.llm;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the JSON object in a model reply, tolerantly: fenced code blocks (the last one that parses wins,
 * since the answer follows the reasoning), then the outermost balanced braces; comments, trailing commas
 * and single quotes are accepted, as models produce them.
 */
public final class JsonReply {

    private static final Pattern FENCE = Pattern.compile("```[a-zA-Z]*\\s*\\n(.*?)```", Pattern.DOTALL);
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_JAVA_COMMENTS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private JsonReply() {
    }

    public static Optional<JsonNode> extract(String reply) {
        List<String> candidates = new ArrayList<>();
        Matcher fence = FENCE.matcher(reply);
        while (fence.find()) candidates.add(fence.group(1));
        java.util.Collections.reverse(candidates);
        String braces = outermostObject(reply);
        if (braces != null) candidates.add(braces);
        for (String candidate : candidates) {
            try {
                JsonNode node = LENIENT.readTree(candidate.strip());
                if (node != null && node.isObject()) return Optional.of(node);
            } catch (Exception e) {
                // try the next candidate
            }
        }
        return Optional.empty();
    }

    /** The text from the first '{' to its matching '}', respecting strings. */
    static String outermostObject(String text) {
        int start = text.indexOf('{');
        while (start >= 0) {
            int depth = 0;
            boolean inString = false;
            char quote = 0;
            for (int k = start; k < text.length(); k++) {
                char c = text.charAt(k);
                if (inString) {
                    if (c == '\\') k++;
                    else if (c == quote) inString = false;
                } else if (c == '"' || c == '\'') {
                    inString = true;
                    quote = c;
                } else if (c == '{') {
                    depth++;
                } else if (c == '}' && --depth == 0) {
                    return text.substring(start, k + 1);
                }
            }
            start = text.indexOf('{', start + 1);
        }
        return null;
    }
}

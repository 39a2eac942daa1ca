package dev.optagent.agent.prompt;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A named, versioned prompt loaded from {@code prompts/NAME.vVERSION.md}: a system part and a user part with
 * {@code {{placeholders}}}. Immutable; the text is a parameter a workflow optimiser may rewrite (see
 * {@link #withText}), which is why it is data rather than code.
 */
public record PromptTemplate(String name, int version, String purpose, Map<String, String> parts) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z_]+)}}");

    public PromptTemplate {
        parts = Map.copyOf(parts);
    }

    /** {@code formulate@1}: how traces and configurations refer to this prompt. */
    public String id() {
        return name + "@" + version;
    }

    public String part(String partName) {
        String text = parts.get(partName);
        if (text == null) throw new IllegalArgumentException("prompt " + id() + " has no '" + partName + "' part");
        return text;
    }

    /** Fills the placeholders of one part; a placeholder without a value is an error, not silently blank. */
    public String render(String partName, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(part(partName));
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompt " + id() + " needs a value for {{" + matcher.group(1) + "}}");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A new version of this prompt with one part rewritten (by a person or a workflow optimiser). */
    public PromptTemplate withText(String partName, String text, int newVersion) {
        Map<String, String> copy = new LinkedHashMap<>(parts);
        copy.put(partName, text);
        return new PromptTemplate(name, newVersion, purpose, copy);
    }
}

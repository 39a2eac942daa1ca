package dev.optagent.workflow.param;

import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One trainable parameter of the workflow (a Trace {@code ParameterNode}): its name, type, the stage that reads
 * it, what it means, its default (today's hand-tuned value) and its constraints.
 *
 * @param stage      the pipeline stage that reads it ({@code formulate}, {@code repair}, {@code check}, ...)
 * @param min        lower bound of a NUMBER or INTEGER (inclusive)
 * @param max        upper bound of a NUMBER or INTEGER (inclusive)
 * @param choices    the allowed values of a CHOICE
 * @param prompt     for a TEXT: the prompt id ({@code repair@1}) whose part it replaces
 * @param part       for a TEXT: the part it replaces ({@code system})
 */
public record Parameter(String name, ParameterType type, String stage, String description, Object defaultValue,
                        Double min, Double max, List<String> choices, String prompt, String part) {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z_]+)}}");
    /** A rewritten instruction may grow or shrink, but not beyond these factors of the hand-written one. */
    private static final double MIN_LENGTH = 0.3;
    private static final double MAX_LENGTH = 3.0;

    public Parameter {
        choices = choices == null ? List.of() : List.copyOf(choices);
    }

    static Parameter text(String name, String stage, String description, String prompt, String part) {
        return new Parameter(name, ParameterType.TEXT, stage, description, PromptLibrary.load(prompt).part(part), null, null, null, prompt, part);
    }

    static Parameter number(String name, String stage, String description, double value, double min, double max) {
        return new Parameter(name, ParameterType.NUMBER, stage, description, value, min, max, null, null, null);
    }

    static Parameter integer(String name, String stage, String description, int value, int min, int max) {
        return new Parameter(name, ParameterType.INTEGER, stage, description, value, (double) min, (double) max, null, null, null);
    }

    static Parameter choice(String name, String stage, String description, String value, List<String> choices) {
        return new Parameter(name, ParameterType.CHOICE, stage, description, value, null, null, choices, null, null);
    }

    static Parameter flag(String name, String stage, String description, boolean value) {
        return new Parameter(name, ParameterType.BOOLEAN, stage, description, value, null, null, null, null, null);
    }

    /** The placeholders a TEXT must keep: exactly those of the versioned part. */
    public Set<String> placeholders() {
        return type == ParameterType.TEXT ? placeholdersOf((String) defaultValue) : Set.of();
    }

    /**
     * A raw value (from JSON, or from an LLM's suggestion) in this parameter's type: "0.3" becomes 0.3, "true"
     * becomes true, 2.0 becomes 2. Empty when it cannot be read as this type at all.
     */
    public Optional<Object> coerce(Object raw) {
        if (raw == null) return Optional.empty();
        String text = raw.toString().strip();
        try {
            return switch (type) {
                case TEXT -> raw instanceof String s ? Optional.of(s) : Optional.empty();
                case CHOICE -> Optional.of(text);
                case NUMBER -> Optional.of(raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text));
                case INTEGER -> {
                    double d = raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text);
                    yield d == Math.rint(d) ? Optional.of((int) d) : Optional.empty();
                }
                case BOOLEAN -> {
                    if (raw instanceof Boolean b) yield Optional.of(b);
                    String lower = text.toLowerCase(Locale.ROOT);
                    yield lower.equals("true") || lower.equals("false") ? Optional.of(Boolean.parseBoolean(lower)) : Optional.empty();
                }
            };
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Why a value (already coerced) breaks this parameter's constraints; empty when it is allowed. */
    public Optional<String> violation(Object value) {
        switch (type) {
            case TEXT -> {
                String text = (String) value;
                if (text.isBlank()) return Optional.of(name + " is empty");
                Set<String> kept = placeholdersOf(text);
                if (!kept.equals(placeholders())) {
                    return Optional.of(name + " must keep exactly the placeholders " + braces(placeholders()) + " but has " + braces(kept));
                }
                int length = ((String) defaultValue).length();
                if (text.length() < MIN_LENGTH * length || text.length() > MAX_LENGTH * length) {
                    return Optional.of(name + " has " + text.length() + " characters; allowed " + (int) (MIN_LENGTH * length) + " to "
                            + (int) (MAX_LENGTH * length) + " (the hand-written text has " + length + ")");
                }
                return renders(text);
            }
            case NUMBER, INTEGER -> {
                double d = ((Number) value).doubleValue();
                if (!Double.isFinite(d) || d < min || d > max) {
                    return Optional.of(name + " = " + value + " is outside [" + format(min) + ", " + format(max) + "]");
                }
                return Optional.empty();
            }
            case CHOICE -> {
                return choices.contains(value) ? Optional.empty() : Optional.of(name + " = " + value + " is not one of " + choices);
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /** The constraint in words, for documentation and the optimizer's #Constraints section. */
    public String constraint() {
        return switch (type) {
            case TEXT -> "text; keeps exactly the placeholders " + braces(placeholders()) + " and renders; "
                    + (int) (MIN_LENGTH * 100) + "%-" + (int) (MAX_LENGTH * 100) + "% of the hand-written length";
            case NUMBER -> "number in [" + format(min) + ", " + format(max) + "]";
            case INTEGER -> "integer in [" + format(min) + ", " + format(max) + "]";
            case CHOICE -> "one of " + choices;
            case BOOLEAN -> "true or false";
        };
    }

    private Optional<String> renders(String text) {
        try {
            PromptTemplate template = PromptLibrary.load(prompt).withText(part, text, PromptLibrary.load(prompt).version());
            Map<String, String> values = new HashMap<>();
            for (String p : placeholders()) values.put(p, "x");
            template.render(part, values);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(name + " does not render: " + e.getMessage());
        }
    }

    private static Set<String> placeholdersOf(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    private static String braces(Set<String> names) {
        return names.isEmpty() ? "(none)" : String.join(", ", names.stream().map(n -> "{{" + n + "}}").toList());
    }

    private static String format(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
    }
}

package dev.optagent.tuning.space;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a search space written by a person (the REST API, the tuning page) or proposed by a model, tolerantly:
 * type aliases ({@code real}, {@code integer}, {@code choice}, {@code boolean}, ...), {@code min}/{@code max} or a
 * {@code range} pair for the bounds, numbers given as text, {@code "scale": "log"}. Every problem is named with the
 * parameter it concerns; the parameters that are sound are kept, so a caller can use them or ask again.
 */
public final class SpaceReader {

    /** Names are identifiers: they become JSON keys, form fields and prompt text. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.\\-]{0,63}");

    /** The sound parameters and, for each unsound one, why. */
    public record Result(List<Parameter> parameters, List<String> problems) {

        public Result {
            parameters = List.copyOf(parameters);
            problems = List.copyOf(problems);
        }

        /** The space, when there was no problem and at least one parameter. */
        public SearchSpace space() {
            if (!problems.isEmpty()) throw new InvalidConfigurationException(problems);
            return new SearchSpace(parameters);
        }
    }

    private SpaceReader() {
    }

    /** @param node a list of parameters, or an object holding one under {@code parameters} */
    public static Result read(JsonNode node, int maxParameters) {
        JsonNode list = node != null && node.isObject() ? node.get("parameters") : node;
        if (list == null || !list.isArray() || list.isEmpty()) {
            return new Result(List.of(), List.of("the space needs a non-empty list of parameters"));
        }
        List<Parameter> kept = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonNode item : list) {
            index++;
            if (kept.size() + problems.size() >= maxParameters) {
                problems.add("more than " + maxParameters + " parameters; keep the ones that matter most");
                break;
            }
            String label = item.path("name").isTextual() ? "parameter '" + item.path("name").asText() + "'" : "parameter " + index;
            try {
                Parameter p = parameter(item, label);
                if (!names.add(p.name())) throw new IllegalArgumentException(label + " is declared twice");
                if (p.when() != null && kept.stream().noneMatch(q -> q.name().equals(p.when().parent())
                        && (q instanceof CategoricalParameter || q instanceof BooleanParameter))) {
                    throw new IllegalArgumentException(label + " depends on '" + p.when().parent()
                            + "', which must be a categorical or boolean parameter declared before it");
                }
                kept.add(p);
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
            }
        }
        return new Result(kept, problems);
    }

    private static Parameter parameter(JsonNode item, String label) {
        if (!item.isObject()) throw new IllegalArgumentException(label + " is not an object");
        String name = item.path("name").asText("").strip();
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(label + ": a name is a short identifier (letters, digits, _ . -), starting with a letter");
        }
        String description = item.path("description").asText(item.path("meaning").asText("")).strip();
        Condition when = condition(item.get("when"), label);
        String type = item.path("type").asText("").strip().toLowerCase(Locale.ROOT);
        boolean log = item.path("log").asBoolean(false) || "log".equalsIgnoreCase(item.path("scale").asText(""));
        return switch (type) {
            case "float", "real", "continuous", "number", "double" ->
                    new FloatParameter(name, bound(item, "low", "min", 0, label), bound(item, "high", "max", 1, label), log, description, when);
            case "int", "integer", "discrete" -> {
                double low = bound(item, "low", "min", 0, label);
                double high = bound(item, "high", "max", 1, label);
                if (low != Math.rint(low) || high != Math.rint(high)) {
                    throw new IllegalArgumentException(label + ": an integer parameter needs whole-number bounds, not " + low + " and " + high);
                }
                yield new IntParameter(name, (long) low, (long) high, log, description, when);
            }
            case "categorical", "choice", "enum", "category" -> {
                JsonNode choices = item.has("choices") ? item.get("choices") : item.get("values");
                if (choices == null || !choices.isArray() || choices.isEmpty()) {
                    throw new IllegalArgumentException(label + ": a categorical parameter needs a list of choices");
                }
                List<String> out = new ArrayList<>();
                for (JsonNode c : choices) {
                    if (c.isContainerNode() || c.asText().isBlank()) throw new IllegalArgumentException(label + ": each choice is a short text");
                    out.add(c.asText().strip());
                }
                yield new CategoricalParameter(name, out, description, when);
            }
            case "bool", "boolean", "flag" -> new BooleanParameter(name, description, when);
            default -> throw new IllegalArgumentException(label + ": type '" + item.path("type").asText("")
                    + "' is not one of float, int, categorical, bool");
        };
    }

    /** A bound under its name, its alias, or as the first/second element of "range". */
    private static double bound(JsonNode item, String key, String alias, int rangeIndex, String label) {
        JsonNode value = item.has(key) ? item.get(key) : item.has(alias) ? item.get(alias)
                : item.path("range").isArray() ? item.path("range").path(rangeIndex) : null;
        if (value == null || value.isMissingNode() || value.isNull()) throw new IllegalArgumentException(label + ": '" + key + "' is missing");
        double d;
        if (value.isNumber()) d = value.asDouble();
        else if (value.isTextual()) {
            try {
                d = Double.parseDouble(value.asText().strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(label + ": '" + key + "' is not a number: " + value.asText());
            }
        } else throw new IllegalArgumentException(label + ": '" + key + "' is not a number");
        if (!Double.isFinite(d)) throw new IllegalArgumentException(label + ": '" + key + "' is not a finite number");
        return d;
    }

    private static Condition condition(JsonNode when, String label) {
        if (when == null || when.isNull()) return null;
        String parent = when.path("parent").asText("");
        JsonNode values = when.get("values");
        if (parent.isBlank() || values == null || !values.isArray() || values.isEmpty()) {
            throw new IllegalArgumentException(label + ": 'when' needs a parent and a list of values");
        }
        List<Object> out = new ArrayList<>();
        for (JsonNode v : values) out.add(v.isBoolean() ? v.asBoolean() : v.asText());
        return new Condition(parent, out);
    }
}

package dev.optagent.datasets;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The record shapes the benchmarks are published in. Each turns one published record into a {@link Problem};
 * how records are laid out in the file (JSON lines, a JSON array, an object keyed by id) is {@link RecordLayout}'s job.
 */
public enum DatasetFormat {

    /**
     * OptAgent's normalised JSONL: {@code id, question, answer, type, has_table, variables, source, source_status}.
     * A null answer is "infeasible or unbounded"; a record whose answer is null while its {@code source_status}
     * is {@code optimal} has lost its gold value and is reported, not scored.
     */
    NORMALISED {
        @Override
        Problem toProblem(String prefix, String key, JsonNode node) {
            String id = text(node, "id");
            if (id == null || text(node, "question") == null) throw new IllegalArgumentException("a problem needs \"id\" and \"question\"");
            Double answer = answer(node.get("answer"));
            if (answer == null && "optimal".equalsIgnoreCase(text(node, "source_status"))) {
                // A null answer means "no optimum" only when the source says so; here the value is simply missing,
                // and scoring it as "must be infeasible" would count right answers wrong.
                throw new IllegalArgumentException(id + " has no gold answer although its source reports an optimum"
                        + " (\"source_status\": \"optimal\"); it cannot be scored and is left out");
            }
            return new Problem(id, question(node, "question"), answer, text(node, "type"),
                    node.has("has_table") ? node.get("has_table").asBoolean() : null, numbers(node.get("variables")), text(node, "scenario"));
        }
    },
    /** LLMOPT and SIRL releases: {@code en_question / en_answer} (or {@code question / answer}), answers often strings. */
    QUESTION_ANSWER {
        @Override
        Problem toProblem(String prefix, String key, JsonNode node) {
            String question = node.has("en_question") ? question(node, "en_question") : question(node, "question");
            JsonNode answer = node.has("en_answer") ? node.get("en_answer") : node.get("answer");
            String id = node.hasNonNull("id") ? node.get("id").asText() : key;
            return new Problem(prefix + "-" + id, question, answer(answer), text(node, "type"), null, Map.of());
        }
    },
    /**
     * ReSocratic {@code OptiBench.json}: {@code question}, {@code results} (quantity in words → value, the
     * objective last, as in the published file) and {@code type} such as {@code linear-table}.
     */
    OPTIBENCH {
        @Override
        Problem toProblem(String prefix, String key, JsonNode node) {
            JsonNode results = node.get("results");
            if (results == null || !results.isObject() || results.isEmpty())
                throw new IllegalArgumentException("an OptiBench record needs a \"results\" object");
            Map<String, Double> values = new LinkedHashMap<>();
            String objectiveKey = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = results.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                objectiveKey = e.getKey();
                Double value = answer(e.getValue());
                if (value != null) values.put(e.getKey(), value);
            }
            Double objective = values.remove(objectiveKey);
            String type = text(node, "type");
            String kind = type == null ? null : type.replaceFirst("-.*", "");
            Boolean table = type == null ? null : type.endsWith("-table");
            return new Problem(prefix + "-" + key, question(node, "question"), objective, kind, table, values);
        }
    },
    /** ORThought {@code summary_*.json}: an object keyed by problem id with {@code description} and the optimal value. */
    ORTHOUGHT {
        @Override
        Problem toProblem(String prefix, String key, JsonNode node) {
            String question = node.has("description") ? question(node, "description") : question(node, "question");
            JsonNode answer = first(node, "optimal_value", "objective_value", "answer", "optimal_objective");
            return new Problem(prefix + "-" + key, question, answer(answer), text(node, "type"), null, Map.of());
        }
    };

    abstract Problem toProblem(String prefix, String key, JsonNode node);

    /** Answers are published as numbers, numeric strings, or words for "no optimum". */
    static Double answer(JsonNode node) {
        if (node == null || node.isNull()) return null;
        if (node.isNumber()) return node.doubleValue();
        String text = node.asText().trim().replace(",", "");
        if (text.isEmpty() || NO_OPTIMUM.contains(text.toLowerCase())) return null;
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the answer must be a number or null, not " + node);
        }
    }

    private static final java.util.Set<String> NO_OPTIMUM = java.util.Set.of(
            "null", "none", "infeasible", "unbounded", "no solution", "no best solution", "no feasible solution", "n/a");

    private static String question(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null || text.isBlank()) throw new IllegalArgumentException("a problem needs \"" + field + "\"");
        return text;
    }

    private static JsonNode first(JsonNode node, String... fields) {
        for (String field : fields) if (node.has(field)) return node.get(field);
        return null;
    }

    private static Map<String, Double> numbers(JsonNode node) {
        Map<String, Double> values = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) values.put(e.getKey(), e.getValue().doubleValue());
            });
        }
        return values;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}

package dev.optagent.formulation.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.SetDecl;
import dev.optagent.formulation.VariableDecl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What changed between two versions of a formulation, element by element and by name — what a planner
 * wants to see after "trucks come in whole numbers": {@code variable trucks: type continuous → integer}.
 */
public final class FormulationDiff {

    public enum Kind { ADDED, REMOVED, CHANGED }

    /** One change: which section, which named element, and for CHANGED the fields before and after. */
    public record Change(Kind kind, String section, String name, String detail) {
        @Override
        public String toString() {
            return kind.name().toLowerCase() + " " + section + " " + name + (detail == null ? "" : ": " + detail);
        }
    }

    private static final ObjectMapper JSON = FormulationJson.mapper();

    private FormulationDiff() {
    }

    public static List<Change> between(Formulation before, Formulation after) {
        List<Change> changes = new ArrayList<>();
        compare("set", before.sets(), after.sets(), SetDecl::name, changes);
        compare("parameter", before.parameters(), after.parameters(), ParameterDecl::name, changes);
        compare("variable", before.variables(), after.variables(), VariableDecl::name, changes);
        if (!Objects.equals(before.objective(), after.objective())) {
            changes.add(new Change(before.objective() == null ? Kind.ADDED : after.objective() == null ? Kind.REMOVED : Kind.CHANGED,
                    "objective", "", fieldChanges(tree(before.objective()), tree(after.objective()))));
        }
        compare("constraint", before.constraints(), after.constraints(), ConstraintDecl::name, changes);
        // An assumption is its own name: a reworded one shows as one removed and one added.
        compare("assumption", before.assumptions(), after.assumptions(), Function.identity(), changes);
        return changes;
    }

    private static <T> void compare(String section, List<T> before, List<T> after, Function<T, String> name, List<Change> changes) {
        Map<String, T> old = index(before, name);
        Map<String, T> now = index(after, name);
        old.forEach((key, value) -> {
            if (!now.containsKey(key)) changes.add(new Change(Kind.REMOVED, section, key, null));
            else if (!Objects.equals(value, now.get(key))) {
                changes.add(new Change(Kind.CHANGED, section, key, fieldChanges(tree(value), tree(now.get(key)))));
            }
        });
        now.forEach((key, value) -> {
            if (!old.containsKey(key)) changes.add(new Change(Kind.ADDED, section, key, null));
        });
    }

    private static <T> Map<String, T> index(List<T> items, Function<T, String> name) {
        Map<String, T> map = new LinkedHashMap<>();
        for (T item : items) map.putIfAbsent(name.apply(item), item);
        return map;
    }

    private static JsonNode tree(Object value) {
        return value == null ? JSON.nullNode() : JSON.valueToTree(value);
    }

    /** "type continuous → integer; upper 10 → 12", over the fields that differ. */
    private static String fieldChanges(JsonNode before, JsonNode after) {
        if (before.isNull() || after.isNull()) return null;
        List<String> parts = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        before.fieldNames().forEachRemaining(fields::add);
        after.fieldNames().forEachRemaining(f -> { if (!fields.contains(f)) fields.add(f); });
        for (String field : fields) {
            JsonNode a = before.get(field);
            JsonNode b = after.get(field);
            if (Objects.equals(a, b)) continue;
            parts.add(field + " " + show(a) + " → " + show(b));
        }
        return String.join("; ", parts);
    }

    private static String show(JsonNode node) {
        if (node == null || node.isNull()) return "(none)";
        String text = node.isTextual() ? node.asText()
                : node.isNumber() && node.asDouble() == Math.rint(node.asDouble()) && Math.abs(node.asDouble()) < 1e15
                ? Long.toString(node.asLong()) : node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }
}

package dev.optagent.formulation.ground;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.Names;
import dev.optagent.formulation.ParameterDecl;
import dev.optagent.formulation.SetDecl;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.VariableType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Builds the sets, parameter tables and variable instances of a formulation, collecting every data error. */
final class Declarations {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final int MAX_INSTANCES = 20_000_000;

    final Map<String, IndexSet> sets = new LinkedHashMap<>();
    final Map<String, ParameterTable> parameters = new LinkedHashMap<>();
    final Map<String, VariableBlock> blocks = new LinkedHashMap<>();
    final List<VariableInstance> variables = new ArrayList<>();
    final List<Diagnostic> diagnostics = new ArrayList<>();
    private final Set<String> names = new HashSet<>();

    Declarations(Formulation formulation) {
        for (SetDecl set : formulation.sets()) declareSet(set);
        for (ParameterDecl parameter : formulation.parameters()) declareParameter(parameter);
        for (VariableDecl variable : formulation.variables()) declareVariable(variable);
    }

    private boolean claimName(String kind, String name) {
        String element = kind + " " + name;
        if (name == null || name.isBlank()) {
            diagnostics.add(Diagnostic.error("name.missing", kind, "name", -1, "a " + kind + " has no name"));
            return false;
        }
        if (!IDENTIFIER.matcher(name).matches()) {
            diagnostics.add(Diagnostic.error("name.invalid", element, "name", -1,
                    "'" + name + "' is not a valid name").expecting("letters, digits and '_', not starting with a digit"));
            return false;
        }
        if (Grounder.RESERVED.contains(name)) {
            diagnostics.add(Diagnostic.error("name.reserved", element, "name", -1,
                    "'" + name + "' is a keyword of the expression language").expecting("another name"));
            return false;
        }
        if (!names.add(name)) {
            diagnostics.add(Diagnostic.error("name.duplicate", element, "name", -1,
                    "the name '" + name + "' is declared twice; sets, parameters and variables share one namespace"));
            return false;
        }
        return true;
    }

    private void declareSet(SetDecl decl) {
        if (!claimName("set", decl.name())) return;
        String element = "set " + decl.name();
        List<Value> elements = new ArrayList<>();
        if (decl.range() != null && decl.elements() != null) {
            diagnostics.add(Diagnostic.error("set.both", element, null, -1, "a set has both 'elements' and 'range'")
                    .expecting("one of them"));
            return;
        }
        if (decl.range() != null) {
            if (decl.range().size() != 2 || decl.range().get(0) == null || decl.range().get(1) == null) {
                diagnostics.add(Diagnostic.error("set.range", element, "range", -1, "'range' must be [first, last]")
                        .expecting("two integers, as in [1, 12]"));
                return;
            }
            long first = decl.range().get(0);
            long last = decl.range().get(1);
            if (last - first >= MAX_INSTANCES) {
                diagnostics.add(Diagnostic.error("set.size", element, "range", -1, "the range has more than " + MAX_INSTANCES + " elements"));
                return;
            }
            for (long k = first; k <= last; k++) elements.add(new Value.Num(k));
        } else if (decl.elements() != null) {
            Set<Value> seen = new HashSet<>();
            for (int k = 0; k < decl.elements().size(); k++) {
                try {
                    Value value = Value.ofElement(decl.elements().get(k));
                    if (!elements.isEmpty() && value.arity() != elements.getFirst().arity()) {
                        diagnostics.add(Diagnostic.error("set.arity", element, "elements[" + k + "]", -1,
                                "element " + value.label() + " has " + value.arity() + " parts but the first has "
                                        + elements.getFirst().arity()).expecting("elements of one shape"));
                        return;
                    }
                    if (!seen.add(value)) {
                        diagnostics.add(Diagnostic.error("set.duplicate", element, "elements[" + k + "]", -1,
                                "element " + value.label() + " is listed twice"));
                        return;
                    }
                    elements.add(value);
                } catch (IllegalArgumentException e) {
                    diagnostics.add(Diagnostic.error("set.element", element, "elements[" + k + "]", -1, e.getMessage()));
                    return;
                }
            }
        } else {
            diagnostics.add(Diagnostic.error("set.empty", element, null, -1, "a set needs 'elements' or 'range'")
                    .expecting("\"elements\": [...] or \"range\": [first, last]"));
            return;
        }
        sets.put(decl.name(), new IndexSet(decl.name(), elements));
    }

    private List<IndexSet> indexSets(String element, List<String> index) {
        List<IndexSet> resolved = new ArrayList<>();
        for (int k = 0; k < index.size(); k++) {
            IndexSet set = sets.get(index.get(k));
            if (set == null) {
                Diagnostic d = Diagnostic.error("index.unknown-set", element, "index[" + k + "]", -1,
                        "unknown set '" + index.get(k) + "'").expecting("a declared set");
                String close = Names.closest(index.get(k), sets.keySet());
                diagnostics.add(close == null ? d : d.suggesting("'" + close + "'"));
                return null;
            }
            resolved.add(set);
        }
        return resolved;
    }

    private void declareParameter(ParameterDecl decl) {
        if (!claimName("parameter", decl.name())) return;
        String element = "parameter " + decl.name();
        List<IndexSet> index = indexSets(element, decl.index());
        if (index == null) return;
        if (index.isEmpty()) {
            double scalar;
            if (decl.value() != null) {
                scalar = decl.value();
            } else if (decl.values() != null && decl.values().isNumber()) {
                scalar = decl.values().doubleValue();
            } else {
                diagnostics.add(Diagnostic.error("parameter.value", element, "value", -1,
                        decl.values() != null ? "a parameter without 'index' has array or object 'values'"
                                : "a scalar parameter needs 'value'")
                        .expecting(decl.values() != null ? "'index' naming its sets, or a single number in 'value'" : "\"value\": <number>"));
                return;
            }
            parameters.put(decl.name(), new ParameterTable(decl.name(), List.of(), new double[] {scalar}));
            return;
        }
        if (decl.values() == null || decl.values().isNull()) {
            diagnostics.add(Diagnostic.error("parameter.values", element, "values", -1,
                    "an indexed parameter needs 'values'").expecting("nested arrays in set order or an object keyed by element"));
            return;
        }
        double[] data;
        try {
            data = new double[Indexing.size(index)];
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error("parameter.size", element, "index", -1, e.getMessage()));
            return;
        }
        Arrays.fill(data, decl.defaultValue() == null ? Double.NaN : decl.defaultValue());
        int before = diagnostics.size();
        fill(element, index, 0, 0, decl.values(), data, "values");
        if (diagnostics.size() == before) parameters.put(decl.name(), new ParameterTable(decl.name(), index, data));
    }

    /** Fills dense data from nested arrays or objects, one nesting level per index set. */
    private void fill(String element, List<IndexSet> index, int depth, int offset, JsonNode node, double[] data, String path) {
        if (depth == index.size()) {
            Double number = number(node);
            if (number == null) {
                diagnostics.add(Diagnostic.error("parameter.non-numeric", element, path, -1,
                        "non-numeric data " + node).expecting("a number"));
            } else {
                data[offset] = number;
            }
            return;
        }
        IndexSet set = index.get(depth);
        if (node.isArray()) {
            if (node.size() != set.size()) {
                diagnostics.add(Diagnostic.error("parameter.shape", element, path, -1,
                        "has " + node.size() + " entries but set " + set.name() + " has " + set.size() + " elements")
                        .expecting(set.size() + " entries in the order of " + set.name()));
                return;
            }
            for (int k = 0; k < node.size(); k++) {
                fill(element, index, depth + 1, offset * set.size() + k, node.get(k), data, path + "[" + k + "]");
            }
        } else if (node.isObject()) {
            var fields = node.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                Value key = set.byLabel(field.getKey());
                if (key == null) {
                    Diagnostic d = Diagnostic.error("parameter.unknown-element", element, path + "." + field.getKey(), -1,
                            "'" + field.getKey() + "' is not an element of set " + set.name())
                            .expecting("one of " + preview(set));
                    String close = Names.closest(field.getKey(), set.elements().stream().map(Value::label).toList());
                    diagnostics.add(close == null ? d : d.suggesting("'" + close + "'"));
                    continue;
                }
                fill(element, index, depth + 1, offset * set.size() + set.position(key), field.getValue(), data,
                        path + "." + field.getKey());
            }
        } else {
            diagnostics.add(Diagnostic.error("parameter.shape", element, path, -1,
                    "expected " + (index.size() - depth) + " more level(s) of nesting for set " + set.name() + " but found " + node)
                    .expecting("an array of " + set.size() + " entries or an object keyed by elements of " + set.name()));
        }
    }

    private static Double number(JsonNode node) {
        if (node.isNumber()) return node.doubleValue();
        if (node.isBoolean()) return node.booleanValue() ? 1.0 : 0.0;
        if (node.isTextual()) {
            try {
                return Double.parseDouble(node.textValue().trim().replace(",", ""));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    static String preview(IndexSet set) {
        List<String> labels = set.elements().stream().limit(8).map(Value::label).toList();
        return String.join(", ", labels) + (set.size() > 8 ? ", ..." : "");
    }

    private void declareVariable(VariableDecl decl) {
        if (!claimName("variable", decl.name())) return;
        String element = "variable " + decl.name();
        List<IndexSet> index = indexSets(element, decl.index());
        if (index == null) return;
        int size;
        try {
            size = Indexing.size(index);
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error("variable.size", element, "index", -1, e.getMessage()));
            return;
        }
        if (variables.size() + (long) size > MAX_INSTANCES) {
            diagnostics.add(Diagnostic.error("variable.size", element, "index", -1,
                    "the model would have more than " + MAX_INSTANCES + " variable instances"));
            return;
        }
        double[] lower = bound(element, "lower", decl.lower(), index, 0, size);
        double[] upper = bound(element, "upper", decl.upper(), index, Double.POSITIVE_INFINITY, size);
        if (lower == null || upper == null) return;
        VariableType type = decl.type();
        int offset = variables.size();
        List<List<Value>> keys = Indexing.keys(index);
        for (int k = 0; k < size; k++) {
            double lo = lower[k];
            double hi = upper[k];
            if (type == VariableType.BINARY) {
                lo = Math.max(lo, 0);
                hi = Math.min(hi, 1);
            }
            if (lo > hi) {
                diagnostics.add(Diagnostic.error("variable.bounds", element, "lower", -1,
                        "lower bound " + Value.format(lo) + " exceeds upper bound " + Value.format(hi)
                                + (keys.get(k).isEmpty() ? "" : " at " + new VariableInstance(0, decl.name(), keys.get(k), type, lo, hi).label())));
                return;
            }
            variables.add(new VariableInstance(offset + k, decl.name(), keys.get(k), type, lo, hi));
        }
        blocks.put(decl.name(), new VariableBlock(decl.name(), index, type, offset, size));
    }

    /** A bound: absent (default), a number, "inf"/"-inf", or a parameter with the variable's index. */
    private double[] bound(String element, String field, JsonNode node, List<IndexSet> index, double fallback, int size) {
        double[] bounds = new double[size];
        if (node == null || node.isNull()) {
            Arrays.fill(bounds, fallback);
            return bounds;
        }
        if (node.isNumber()) {
            Arrays.fill(bounds, node.doubleValue());
            return bounds;
        }
        if (node.isTextual()) {
            String text = node.textValue().trim();
            String word = text.toLowerCase(Locale.ROOT);
            boolean minusInfinity = word.equals("-inf") || word.equals("-infinity");
            boolean plusInfinity = word.equals("inf") || word.equals("+inf") || word.equals("infinity") || word.equals("+infinity");
            boolean none = word.equals("none") || word.equals("unbounded") || word.equals("free");
            if (minusInfinity || plusInfinity || none) {
                boolean lowerSide = "lower".equals(field);
                Arrays.fill(bounds, minusInfinity || (none && lowerSide) ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
                return bounds;
            }
            ParameterTable table = parameters.get(text);
            if (table != null && (table.isScalar() || table.index().equals(index))) {
                for (int k = 0; k < size; k++) {
                    bounds[k] = table.isScalar() ? table.at(0) : table.at(k);
                    if (Double.isNaN(bounds[k])) bounds[k] = fallback;
                }
                return bounds;
            }
            Diagnostic d = Diagnostic.error("variable.bound", element, field, -1,
                    table != null ? "parameter '" + text + "' is indexed by " + table.index() + ", not by the variable's index " + index
                            : "'" + text + "' is not a number, 'inf', '-inf' or a parameter")
                    .expecting("a number, \"-inf\", \"inf\" or the name of a parameter indexed like the variable");
            String close = Names.closest(text, parameters.keySet());
            diagnostics.add(close == null || table != null ? d : d.suggesting("'" + close + "'"));
            return null;
        }
        diagnostics.add(Diagnostic.error("variable.bound", element, field, -1, "bound " + node + " is not a number")
                .expecting("a number, \"-inf\", \"inf\" or a parameter name"));
        return null;
    }
}

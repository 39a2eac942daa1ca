package dev.optagent.formulation.ground;

import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Names;
import dev.optagent.formulation.expr.Binding;
import dev.optagent.formulation.expr.Expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Static checks of one expression against the declarations: undefined names (with "did you mean"),
 * wrong index arity, quoted elements that are not in the indexed set, unknown functions, bindings over
 * unknown sets. Runs before grounding so every branch is checked, even over empty sets.
 */
final class ScopeChecker {

    private final Declarations declarations;
    private final Set<String> failedDeclarations;
    private final Set<String> usedParameters;
    private final List<Diagnostic> diagnostics;
    private String element;
    private String field;

    ScopeChecker(Declarations declarations, Set<String> declaredNames, Set<String> usedParameters, List<Diagnostic> diagnostics) {
        this.declarations = declarations;
        this.failedDeclarations = new HashSet<>(declaredNames);
        failedDeclarations.removeAll(declarations.sets.keySet());
        failedDeclarations.removeAll(declarations.parameters.keySet());
        failedDeclarations.removeAll(declarations.blocks.keySet());
        this.usedParameters = usedParameters;
        this.diagnostics = diagnostics;
    }

    /** Checks bindings (a constraint's {@code for}) and returns the scope they open: name to tuple arity. */
    Map<String, Integer> checkBindings(List<Binding> bindings, String element, String field) {
        this.element = element;
        this.field = field;
        Map<String, Integer> scope = new HashMap<>();
        for (Binding binding : bindings) bind(binding, scope);
        return scope;
    }

    void check(Expr expr, Map<String, Integer> scope, String element, String field) {
        this.element = element;
        this.field = field;
        visit(expr, new HashMap<>(scope));
    }

    private void bind(Binding binding, Map<String, Integer> scope) {
        IndexSet set = declarations.sets.get(binding.set());
        if (set == null) {
            unknown(binding.set(), binding.setSpan().start(), "a declared set", declarations.sets.keySet());
        } else if (binding.names().size() > 1 && binding.names().size() != set.arity()) {
            error("binding.arity", binding.span().start(), "the pattern binds " + binding.names().size()
                    + " names but the elements of " + set.name() + " have " + set.arity() + " parts",
                    set.arity() == 1 ? "one name, as in 'i in " + set.name() + "'" : set.arity() + " names, as in (i, j)");
        }
        for (int k = 0; k < binding.names().size(); k++) {
            String name = binding.names().get(k);
            if (declarations.parameters.containsKey(name) || declarations.blocks.containsKey(name) || declarations.sets.containsKey(name)) {
                error("binding.shadow", binding.nameSpans().get(k).start(), "the index name '" + name
                        + "' hides the declared " + kindOf(name) + " of the same name", "another index name");
            }
            int arity = binding.names().size() == 1 && set != null ? set.arity() : 1;
            scope.put(name, arity);
        }
        if (binding.filter() != null) visit(binding.filter(), scope);
    }

    private String kindOf(String name) {
        if (declarations.parameters.containsKey(name)) return "parameter";
        if (declarations.blocks.containsKey(name)) return "variable";
        return "set";
    }

    private void visit(Expr expr, Map<String, Integer> scope) {
        switch (expr) {
            case Expr.Num ignored -> { }
            case Expr.Text ignored -> { }
            case Expr.Ref ref -> ref(ref, scope);
            case Expr.Index index -> index(index, scope);
            case Expr.Negate negate -> visit(negate.operand(), scope);
            case Expr.Not not -> visit(not.operand(), scope);
            case Expr.Arith arith -> arith.operands().forEach(operand -> visit(operand, scope));
            case Expr.Logic logic -> logic.operands().forEach(operand -> visit(operand, scope));
            case Expr.Compare compare -> compare.operands().forEach(operand -> visit(operand, scope));
            case Expr.Member member -> {
                visit(member.item(), scope);
                if (!declarations.sets.containsKey(member.set())) {
                    unknown(member.set(), member.setSpan().start(), "a declared set", declarations.sets.keySet());
                }
            }
            case Expr.Call call -> call(call, scope);
            case Expr.Aggregate aggregate -> {
                if (!Grounder.AGGREGATES.contains(aggregate.function())) {
                    error("function.generator", aggregate.nameSpan().start(), "'" + aggregate.function()
                            + "' cannot take a generator", "sum, min, max or prod");
                }
                Map<String, Integer> inner = new HashMap<>(scope);
                for (Binding binding : aggregate.bindings()) bind(binding, inner);
                visit(aggregate.body(), inner);
            }
            case Expr.Conditional conditional -> {
                visit(conditional.condition(), scope);
                visit(conditional.then(), scope);
                visit(conditional.otherwise(), scope);
            }
            case Expr.Tuple tuple -> tuple.items().forEach(item -> visit(item, scope));
        }
    }

    private void ref(Expr.Ref ref, Map<String, Integer> scope) {
        String name = ref.name();
        if (scope.containsKey(name) || failedDeclarations.contains(name)) return;
        ParameterTable parameter = declarations.parameters.get(name);
        if (parameter != null) {
            usedParameters.add(name);
            if (!parameter.isScalar()) {
                error("index.missing", ref.span().start(), "parameter '" + name + "' is indexed by "
                        + setNames(parameter.index()) + " but used without an index", name + "[...]");
            }
            return;
        }
        VariableBlock block = declarations.blocks.get(name);
        if (block != null) {
            if (!block.index().isEmpty()) {
                error("index.missing", ref.span().start(), "variable '" + name + "' is indexed by "
                        + setNames(block.index()) + " but used without an index", name + "[...]");
            }
            return;
        }
        if (declarations.sets.containsKey(name)) {
            error("set.as-value", ref.span().start(), "set '" + name + "' is used as a value",
                    "an index bound with 'for i in " + name + "', or len(" + name + ")");
            return;
        }
        List<String> candidates = new ArrayList<>(scope.keySet());
        candidates.addAll(declarations.parameters.keySet());
        candidates.addAll(declarations.blocks.keySet());
        unknown(name, ref.span().start(), "an index bound by 'for', a parameter or a variable", candidates);
    }

    private void index(Expr.Index index, Map<String, Integer> scope) {
        index.args().forEach(arg -> visit(arg, scope));
        String name = index.name();
        if (failedDeclarations.contains(name)) return;
        List<IndexSet> sets;
        if (declarations.parameters.containsKey(name)) {
            usedParameters.add(name);
            sets = declarations.parameters.get(name).index();
        } else if (declarations.blocks.containsKey(name)) {
            sets = declarations.blocks.get(name).index();
        } else {
            if (declarations.sets.containsKey(name)) {
                error("set.indexed", index.nameSpan().start(), "set '" + name + "' cannot be indexed",
                        "a parameter or variable");
            } else {
                List<String> candidates = new ArrayList<>(declarations.parameters.keySet());
                candidates.addAll(declarations.blocks.keySet());
                unknown(name, index.nameSpan().start(), "a parameter or variable", candidates);
            }
            return;
        }
        if (sets.isEmpty()) {
            error("index.scalar", index.nameSpan().start(), "'" + name + "' is a scalar and takes no index", name);
            return;
        }
        int given = 0;
        for (Expr arg : index.args()) given += arity(arg, scope);
        int wanted = Indexing.totalArity(sets);
        if (given != wanted) {
            error("index.arity", index.span().start(), "'" + name + "' is indexed by " + setNames(sets)
                    + " but is given " + given + " index value" + (given == 1 ? "" : "s"), wanted + " index value" + (wanted == 1 ? "" : "s"));
            return;
        }
        checkLiteralElements(index, sets);
    }

    /** A quoted element in an index must belong to the set at its position. */
    private void checkLiteralElements(Expr.Index index, List<IndexSet> sets) {
        if (index.args().size() != sets.size()) return;
        for (int k = 0; k < sets.size(); k++) {
            Expr arg = index.args().get(k);
            IndexSet set = sets.get(k);
            Value literal = switch (arg) {
                case Expr.Text text -> new Value.Text(text.value());
                case Expr.Num num -> new Value.Num(num.value());
                default -> null;
            };
            if (literal != null && set.arity() == 1 && !set.contains(literal)) {
                Diagnostic d = Diagnostic.error("index.element", element, field, arg.span().start(),
                        "'" + literal.label() + "' is not an element of set " + set.name())
                        .expecting("one of " + Declarations.preview(set));
                String close = Names.closest(literal.label(), set.elements().stream().map(Value::label).toList());
                diagnostics.add(close == null ? d : d.suggesting("'" + close + "'"));
            }
        }
    }

    private int arity(Expr arg, Map<String, Integer> scope) {
        if (arg instanceof Expr.Tuple tuple) return tuple.items().size();
        if (arg instanceof Expr.Ref ref && scope.containsKey(ref.name())) return scope.get(ref.name());
        return 1;
    }

    private void call(Expr.Call call, Map<String, Integer> scope) {
        String name = call.function();
        if (name.equals("len")) {
            if (call.args().size() != 1 || !(call.args().getFirst() instanceof Expr.Ref ref) || !declarations.sets.containsKey(ref.name())) {
                error("function.len", call.span().start(), "len takes one set name", "len(SetName)");
            }
            return;
        }
        call.args().forEach(arg -> visit(arg, scope));
        if (name.equals("sum") || name.equals("prod") || name.equals("quicksum")) {
            error("function.arity", call.span().start(), name + " takes a generator", name + "(x[i] for i in I)");
            return;
        }
        Function function = Function.named(name);
        if (function == null && !Grounder.DATA_FUNCTIONS.contains(name)) {
            java.util.SortedSet<String> known = new java.util.TreeSet<>(Grounder.DATA_FUNCTIONS);
            for (Function f : Function.values()) known.add(f.symbol());
            known.addAll(Grounder.AGGREGATES);
            known.add("len");
            unknown(name, call.nameSpan().start(), "a function: " + String.join(", ", known), known);
            return;
        }
        int arguments = call.args().size();
        if (function != null && (arguments < function.minArgs || arguments > function.maxArgs)) {
            error("function.arity", call.span().start(), name + " takes " + (function.minArgs == function.maxArgs
                    ? function.minArgs + " argument" : "at least " + function.minArgs + " argument") + ", not " + arguments,
                    name + "(x)");
        }
    }

    private void unknown(String name, int position, String expected, java.util.Collection<String> candidates) {
        Diagnostic d = Diagnostic.error("name.unknown", element, field, position, "unknown name '" + name + "'")
                .expecting(expected);
        String close = Names.closest(name, candidates);
        diagnostics.add(close == null ? d : d.suggesting("'" + close + "'"));
    }

    private void error(String code, int position, String message, String expected) {
        diagnostics.add(Diagnostic.error(code, element, field, position, message).expecting(expected));
    }

    private static String setNames(List<IndexSet> sets) {
        return sets.stream().map(IndexSet::name).toList().toString();
    }
}

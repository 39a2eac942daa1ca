package dev.optagent.formulation.ground;

import dev.optagent.formulation.Names;
import dev.optagent.formulation.VariableType;
import dev.optagent.formulation.expr.ArithOp;
import dev.optagent.formulation.expr.Binding;
import dev.optagent.formulation.expr.CmpOp;
import dev.optagent.formulation.expr.Expr;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evaluates expression trees under index bindings. A result is a data {@link Value} (numbers, elements,
 * tuples), a {@link Boolean} (filters), or a {@link GroundExpr} once decision variables are involved;
 * arithmetic on data stays exact data so index arithmetic such as {@code t - 1} finds set elements.
 */
final class Evaluator {

    private final Declarations declarations;
    private final String element;
    private String field;
    private final Map<String, Value> scope = new HashMap<>();
    private final GroundExpr[] variableCache;
    private String instance;

    Evaluator(Declarations declarations, String element, String field) {
        this.declarations = declarations;
        this.element = element;
        this.field = field;
        this.variableCache = new GroundExpr[declarations.variables.size()];
    }

    /** Locates errors: the instance being grounded (null while enumerating) and the field being read. */
    void at(String instanceLabel, String fieldName) {
        this.instance = instanceLabel;
        this.field = fieldName;
    }

    Value bound(String name) {
        return scope.get(name);
    }

    /** Runs the action once per combination of the bindings that passes their filters. */
    void forEachBinding(List<Binding> bindings, int depth, Runnable action) {
        if (depth == bindings.size()) {
            action.run();
            return;
        }
        Binding binding = bindings.get(depth);
        IndexSet set = declarations.sets.get(binding.set());
        List<String> names = binding.names();
        Value[] saved = new Value[names.size()];
        for (int k = 0; k < names.size(); k++) saved[k] = scope.get(names.get(k));
        try {
            for (Value element : set.elements()) {
                bind(names, element);
                if (binding.filter() != null && !truth(binding.filter())) continue;
                forEachBinding(bindings, depth + 1, action);
            }
        } finally {
            for (int k = 0; k < names.size(); k++) {
                if (saved[k] == null) scope.remove(names.get(k));
                else scope.put(names.get(k), saved[k]);
            }
        }
    }

    private void bind(List<String> names, Value element) {
        if (names.size() == 1) {
            scope.put(names.getFirst(), element);
            return;
        }
        List<Value> items = ((Value.Tuple) element).items();
        for (int k = 0; k < names.size(); k++) scope.put(names.get(k), items.get(k));
    }

    // ---- evaluation ----------------------------------------------------------------------------------

    Object eval(Expr expr) {
        try {
            return evalNode(expr);
        } catch (ArithmeticException e) {
            throw error(expr, e.getMessage(), null); // innermost node: the error names where it happened
        }
    }

    private Object evalNode(Expr expr) {
        return switch (expr) {
            case Expr.Num num -> new Value.Num(num.value());
            case Expr.Text text -> new Value.Text(text.value());
            case Expr.Ref ref -> ref(ref);
            case Expr.Index index -> index(index);
            case Expr.Negate negate -> negate(negate);
            case Expr.Not not -> !truth(not.operand());
            case Expr.Arith arith -> arith(arith);
            case Expr.Logic logic -> logic(logic);
            case Expr.Compare compare -> compare(compare);
            case Expr.Member member -> member(member);
            case Expr.Call call -> call(call);
            case Expr.Aggregate aggregate -> aggregate(aggregate);
            case Expr.Conditional conditional -> truth(conditional.condition())
                    ? eval(conditional.then()) : eval(conditional.otherwise());
            case Expr.Tuple tuple -> {
                List<Value> items = new ArrayList<>();
                for (Expr item : tuple.items()) items.add(value(eval(item), item));
                yield new Value.Tuple(items);
            }
        };
    }

    boolean truth(Expr expr) {
        Object result = eval(expr);
        if (result instanceof Boolean b) return b;
        if (result instanceof Value.Num num) return num.value() != 0;
        throw error(expr, result instanceof GroundExpr
                        ? "a condition here cannot depend on decision variables"
                        : "expected a condition but found " + describe(result),
                result instanceof GroundExpr ? "a condition on indices and data (use the constraint's 'if' for a binary variable)" : "a comparison");
    }

    private Object ref(Expr.Ref ref) {
        Value bound = scope.get(ref.name());
        if (bound != null) return bound;
        ParameterTable parameter = declarations.parameters.get(ref.name());
        if (parameter != null) return new Value.Num(parameter.at(0));
        VariableBlock block = declarations.blocks.get(ref.name());
        if (block != null) return variable(block.offset());
        throw error(ref, "unknown name '" + ref.name() + "'", null);
    }

    private GroundExpr variable(int index) {
        GroundExpr cached = variableCache[index];
        if (cached == null) {
            cached = GroundExpr.variable(index);
            variableCache[index] = cached;
        }
        return cached;
    }

    private Object index(Expr.Index index) {
        List<Value> args = new ArrayList<>(index.args().size());
        for (Expr arg : index.args()) args.add(value(eval(arg), arg));
        List<Value> atoms = Indexing.atoms(args);
        ParameterTable parameter = declarations.parameters.get(index.name());
        VariableBlock block = parameter == null ? declarations.blocks.get(index.name()) : null;
        List<IndexSet> sets = parameter != null ? parameter.index() : block.index();
        if (atoms.size() != Indexing.totalArity(sets)) {
            throw error(index, "'" + index.name() + "' needs " + Indexing.totalArity(sets) + " index values but got "
                    + atoms.size(), null);
        }
        List<Value> key = Indexing.elements(sets, atoms);
        int offset = Indexing.offset(sets, key);
        if (offset < 0) {
            IndexSet set = sets.get(-offset - 1);
            Value missing = key.get(-offset - 1);
            String close = Names.closest(missing.label(), set.elements().stream().map(Value::label).toList());
            throw new GroundingError(element, field, index.span().start(), "index " + missing.label() + " of '"
                    + index.name() + "' is not an element of set " + set.name(),
                    "an element of " + set.name() + " (guard the first/last element with a filter such as 'if t > "
                            + (set.elements().isEmpty() ? "..." : set.elements().getFirst().label()) + "' or a conditional)",
                    close == null || close.equals(missing.label()) ? null : "'" + close + "'", instance);
        }
        if (parameter != null) {
            double value = parameter.at(offset);
            if (Double.isNaN(value)) {
                throw error(index, "parameter '" + index.name() + "' has no value for " + key.stream().map(Value::label).toList(),
                        "an entry in 'values' or a 'default' for the parameter");
            }
            return new Value.Num(value);
        }
        return variable(block.offset() + offset);
    }

    private Object negate(Expr.Negate negate) {
        Object operand = eval(negate.operand());
        if (operand instanceof Value.Num num) return new Value.Num(-num.value());
        return algebra(operand, negate.operand()).negate();
    }

    /** Short-circuits like Python: {@code and} stops at the first false operand, {@code or} at the first true one. */
    private boolean logic(Expr.Logic logic) {
        for (Expr operand : logic.operands()) {
            if (truth(operand) != logic.isAnd()) return !logic.isAnd();
        }
        return logic.isAnd();
    }

    private Object arith(Expr.Arith arith) {
        if (arith.isAdditive()) return sum(arith);
        List<Expr> operands = arith.operands();
        Object result = eval(operands.getFirst());
        for (int k = 1; k < operands.size(); k++) {
            result = apply(arith, arith.ops().get(k - 1), result, operands.get(k - 1), eval(operands.get(k)), operands.get(k));
        }
        return result;
    }

    /** A chain of {@code + -}: data terms add up as data, the rest goes into one builder (no quadratic copying). */
    private Object sum(Expr.Arith arith) {
        double data = 0;
        GroundExpr.Builder algebra = null;
        List<Expr> operands = arith.operands();
        for (int k = 0; k < operands.size(); k++) {
            double sign = k == 0 || arith.ops().get(k - 1) == ArithOp.ADD ? 1 : -1;
            Object term = eval(operands.get(k));
            if (term instanceof Value.Num num) {
                data += sign * num.value();
            } else {
                if (algebra == null) algebra = new GroundExpr.Builder();
                algebra.add(algebra(term, operands.get(k)), sign);
            }
        }
        return algebra == null ? new Value.Num(data) : algebra.build().shift(data);
    }

    private Object apply(Expr.Arith where, ArithOp op, Object left, Expr leftExpr, Object right, Expr rightExpr) {
        if (left instanceof Value.Num a && right instanceof Value.Num b) {
            double result = switch (op) {
                case ADD -> a.value() + b.value();
                case SUB -> a.value() - b.value();
                case MUL -> a.value() * b.value();
                case DIV -> {
                    if (b.value() == 0) throw error(where, "division by zero", "a non-zero divisor");
                    yield a.value() / b.value();
                }
                case POW -> Math.pow(a.value(), b.value());
            };
            return new Value.Num(result);
        }
        GroundExpr l = algebra(left, leftExpr);
        GroundExpr r = algebra(right, rightExpr);
        try {
            return switch (op) {
                case ADD -> l.plus(r);
                case SUB -> l.minus(r);
                case MUL -> l.times(r);
                case DIV -> l.dividedBy(r);
                case POW -> l.power(r);
            };
        } catch (ArithmeticException e) {
            throw error(where, e.getMessage(), null);
        }
    }

    private Object compare(Expr.Compare compare) {
        List<Object> operands = new ArrayList<>();
        for (Expr operand : compare.operands()) operands.add(eval(operand));
        for (int k = 0; k < compare.ops().size(); k++) {
            Object a = operands.get(k);
            Object b = operands.get(k + 1);
            if (a instanceof GroundExpr || b instanceof GroundExpr) {
                throw error(compare, "a condition here cannot depend on decision variables",
                        "a condition on indices and data");
            }
            CmpOp op = compare.ops().get(k);
            if (!test(op, (Value) a, (Value) b, compare)) return false;
        }
        return true;
    }

    private boolean test(CmpOp op, Value a, Value b, Expr where) {
        if (a instanceof Value.Num x && b instanceof Value.Num y) return op.test(Double.compare(x.value(), y.value()));
        if (op == CmpOp.EQ) return a.equals(b);
        if (op == CmpOp.NE) return !a.equals(b);
        if (a instanceof Value.Text x && b instanceof Value.Text y) return op.test(x.value().compareTo(y.value()));
        throw error(where, "cannot order " + a.label() + " and " + b.label(), "numbers on both sides of " + op.symbol);
    }

    private Object member(Expr.Member member) {
        Value item = value(eval(member.item()), member.item());
        boolean contained = declarations.sets.get(member.set()).contains(item);
        return contained != member.negated();
    }

    private Object call(Expr.Call call) {
        String name = call.function();
        if (name.equals("len")) {
            return new Value.Num(declarations.sets.get(((Expr.Ref) call.args().getFirst()).name()).size());
        }
        List<Object> args = new ArrayList<>();
        for (Expr arg : call.args()) args.add(eval(arg));
        boolean allData = args.stream().allMatch(a -> a instanceof Value.Num);
        if (Grounder.DATA_FUNCTIONS.contains(name)) {
            if (!allData || args.size() != 1) throw error(call, name + " applies to data only", name + "(number)");
            double x = ((Value.Num) args.getFirst()).value();
            return new Value.Num(switch (name) {
                case "ceil" -> Math.ceil(x);
                case "floor" -> Math.floor(x);
                default -> Math.rint(x);
            });
        }
        Function function = Function.named(name);
        if (allData) {
            double[] values = args.stream().mapToDouble(a -> ((Value.Num) a).value()).toArray();
            double result = function.apply(values);
            if (Double.isNaN(result)) throw error(call, name + " is undefined at " + java.util.Arrays.toString(values), null);
            return new Value.Num(result);
        }
        List<GroundExpr> grounded = new ArrayList<>();
        for (int k = 0; k < args.size(); k++) grounded.add(algebra(args.get(k), call.args().get(k)));
        return GroundExpr.atom(new Atom.Apply(function, grounded));
    }

    private Object aggregate(Expr.Aggregate aggregate) {
        String function = aggregate.function();
        if (function.equals("sum") || function.equals("quicksum")) {
            GroundExpr.Builder sum = new GroundExpr.Builder();
            double[] dataSum = {0};
            boolean[] symbolic = {false};
            forEachBinding(aggregate.bindings(), 0, () -> {
                Object term = eval(aggregate.body());
                if (term instanceof Value.Num num) {
                    dataSum[0] += num.value();
                } else {
                    symbolic[0] = true;
                    sum.add(algebra(term, aggregate.body()), 1);
                }
            });
            return symbolic[0] ? sum.build().shift(dataSum[0]) : new Value.Num(dataSum[0]);
        }
        List<Object> items = new ArrayList<>();
        forEachBinding(aggregate.bindings(), 0, () -> items.add(eval(aggregate.body())));
        if (items.isEmpty()) {
            if (function.equals("prod")) return new Value.Num(1);
            throw error(aggregate, function + " over an empty selection", "a generator that selects at least one element");
        }
        if (items.stream().allMatch(i -> i instanceof Value.Num)) {
            double[] values = items.stream().mapToDouble(i -> ((Value.Num) i).value()).toArray();
            return new Value.Num(switch (function) {
                case "min" -> Function.MIN.apply(values);
                case "max" -> Function.MAX.apply(values);
                default -> java.util.Arrays.stream(values).reduce(1, (a, b) -> a * b);
            });
        }
        List<GroundExpr> grounded = new ArrayList<>();
        for (Object item : items) grounded.add(algebra(item, aggregate.body()));
        if (function.equals("prod")) {
            GroundExpr product = GroundExpr.constant(1);
            for (GroundExpr factor : grounded) product = product.times(factor);
            return product;
        }
        return GroundExpr.atom(new Atom.Apply(function.equals("min") ? Function.MIN : Function.MAX, grounded));
    }

    // ---- conversions --------------------------------------------------------------------------------

    GroundExpr algebra(Object result, Expr where) {
        if (result instanceof GroundExpr expr) return expr;
        if (result instanceof Value.Num num) return GroundExpr.constant(num.value());
        if (result instanceof Boolean) {
            throw error(where, "a condition is used as a number", "an arithmetic expression");
        }
        throw error(where, "element " + ((Value) result).label() + " is used as a number",
                "a number, a parameter or a variable (quoted names are set elements)");
    }

    private Value value(Object result, Expr where) {
        if (result instanceof Value value) return value;
        if (result instanceof GroundExpr) {
            throw error(where, "an index cannot depend on decision variables", "an index built from bound indices and data");
        }
        throw error(where, "a condition cannot be an index", "an element or index expression");
    }

    private static String describe(Object result) {
        return result instanceof Value value ? value.label() : result.toString();
    }

    /** Interprets a constraint's {@code if}: a data filter, or a literal on one binary variable. */
    Grounder.Indicator enforcement(Expr condition) {
        Expr subject = condition;
        boolean wanted = true;
        if (condition instanceof Expr.Not not) {
            subject = not.operand();
            wanted = false;
        } else if (condition instanceof Expr.Compare compare && compare.ops().size() == 1
                && (compare.ops().getFirst() == CmpOp.EQ || compare.ops().getFirst() == CmpOp.NE)) {
            Object left = eval(compare.operands().get(0));
            Object right = eval(compare.operands().get(1));
            if (left instanceof GroundExpr || right instanceof GroundExpr) {
                GroundExpr side = left instanceof GroundExpr g ? g : (GroundExpr) right;
                Object other = left instanceof GroundExpr ? right : left;
                if (!(other instanceof Value.Num num) || (num.value() != 0 && num.value() != 1)) {
                    throw error(condition, "an indicator condition compares a binary variable with 0 or 1", "open[f] == 1 or open[f] == 0");
                }
                boolean value = num.value() == 1;
                if (compare.ops().getFirst() == CmpOp.NE) value = !value;
                return literal(side, value, condition);
            }
            return truth(condition) ? Grounder.Indicator.ALWAYS : Grounder.Indicator.NEVER;
        }
        Object result = eval(subject);
        if (result instanceof GroundExpr expr) return literal(expr, wanted, condition);
        boolean holds = result instanceof Boolean b ? b : result instanceof Value.Num n && n.value() != 0;
        if (!(result instanceof Boolean) && !(result instanceof Value.Num)) {
            throw error(condition, "the 'if' is not a condition", "a condition on data, or open[f] == 1");
        }
        return holds == wanted ? Grounder.Indicator.ALWAYS : Grounder.Indicator.NEVER;
    }

    private Grounder.Indicator literal(GroundExpr expr, boolean value, Expr where) {
        int[] vars = expr.linearVariables();
        if (!expr.isAffine() || vars.length != 1 || expr.linearCoefficients()[0] != 1 || expr.constant() != 0) {
            throw error(where, "an indicator condition must be about a single binary variable", "open[f] == 1 or open[f] == 0");
        }
        VariableInstance variable = declarations.variables.get(vars[0]);
        if (variable.type() != VariableType.BINARY) {
            throw error(where, "the indicator variable " + variable.label() + " is " + variable.type().json() + ", not binary",
                    "a binary variable (declare \"type\": \"binary\")");
        }
        return new Grounder.Indicator(vars[0], value);
    }

    private GroundingError error(Expr where, String message, String expected) {
        return new GroundingError(element, field, where.span().start(), message, expected, null, instanceLabel());
    }

    private String instanceLabel() {
        if (instance != null) return instance;
        if (scope.isEmpty()) return null;
        StringBuilder label = new StringBuilder();
        scope.forEach((name, value) -> label.append(label.isEmpty() ? "" : ", ").append(name).append('=').append(value.label()));
        return label.toString();
    }
}

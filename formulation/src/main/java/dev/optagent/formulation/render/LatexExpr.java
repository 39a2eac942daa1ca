package dev.optagent.formulation.render;

import dev.optagent.formulation.expr.ArithOp;
import dev.optagent.formulation.expr.Binding;
import dev.optagent.formulation.expr.CmpOp;
import dev.optagent.formulation.expr.Expr;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders one expression tree as LaTeX. Parentheses are not in the tree, so they are put back from
 * precedence: an operand gets {@code \left( \right)} exactly when reading the LaTeX without them
 * would group it differently from how the parser did.
 */
final class LatexExpr {

    // Binding strength, loosest first; mirrors the parser's precedence table.
    private static final int CONDITIONAL = 0;
    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int COMPARE = 4;
    private static final int ADDITIVE = 5;
    private static final int MULTIPLICATIVE = 6;
    private static final int UNARY = 7;
    private static final int POWER = 8;
    private static final int ATOM = 9;

    private LatexExpr() {
    }

    static String latex(Expr expr) {
        return switch (expr) {
            case Expr.Num num -> LatexText.number(num.value());
            case Expr.Text text -> "\\text{" + LatexText.text(text.value()) + "}";
            case Expr.Ref ref -> LatexText.identifier(ref.name());
            case Expr.Index index -> LatexText.identifier(index.name()) + "_{"
                    + index.args().stream().map(LatexExpr::latex).collect(Collectors.joining(",")) + "}";
            case Expr.Negate negate -> "-" + wrapIf(negate.operand(),
                    strength(negate.operand()) <= ADDITIVE || negate.operand() instanceof Expr.Negate);
            case Expr.Not not -> "\\lnot " + wrapIf(not.operand(), strength(not.operand()) <= COMPARE);
            case Expr.Arith arith -> arith(arith);
            case Expr.Logic logic -> {
                int own = strength(logic);
                yield logic.operands().stream().map(operand -> wrapIf(operand, strength(operand) < own))
                        .collect(Collectors.joining(logic.isAnd() ? " \\land " : " \\lor "));
            }
            case Expr.Compare compare -> compare(compare);
            case Expr.Member member -> wrapIf(member.item(), strength(member.item()) <= COMPARE)
                    + (member.negated() ? " \\notin " : " \\in ") + LatexText.identifier(member.set());
            case Expr.Call call -> call(call);
            case Expr.Aggregate aggregate -> aggregate(aggregate);
            case Expr.Conditional conditional -> "\\begin{cases} " + latex(conditional.then()) + " & \\text{if } "
                    + latex(conditional.condition()) + " \\\\ " + latex(conditional.otherwise())
                    + " & \\text{otherwise} \\end{cases}";
            case Expr.Tuple tuple -> "\\left(" + tuple.items().stream().map(LatexExpr::latex)
                    .collect(Collectors.joining(", ")) + "\\right)";
        };
    }

    /** {@code i \in I} or {@code (i,j) \in \mathit{Arcs}}, without its filter. */
    static String binding(Binding binding) {
        String names = binding.names().stream().map(LatexText::identifier).collect(Collectors.joining(","));
        return (binding.names().size() > 1 ? "(" + names + ")" : names) + " \\in " + LatexText.identifier(binding.set());
    }

    private static String arith(Expr.Arith arith) {
        List<Expr> operands = arith.operands();
        if (arith.isPower()) {
            return wrapIf(operands.get(0), !isPlainBase(operands.get(0))) + "^{" + latex(operands.get(1)) + "}";
        }
        if (arith.isAdditive()) {
            StringBuilder out = new StringBuilder(wrapIf(operands.getFirst(), strength(operands.getFirst()) < ADDITIVE));
            for (int k = 1; k < operands.size(); k++) {
                Expr right = operands.get(k);
                // "a - (b + c)" needs its parentheses; so does "a + (-b)" for legibility.
                out.append(' ').append(arith.ops().get(k - 1).symbol).append(' ')
                        .append(wrapIf(right, strength(right) <= ADDITIVE || right instanceof Expr.Negate));
            }
            return out.toString();
        }
        // a * b / c reads as ((a * b) / c): fold left, remembering how tightly the part so far binds.
        Expr first = operands.getFirst();
        String text = latex(first);
        int strength = strength(first);
        Expr single = first;
        for (int k = 1; k < operands.size(); k++) {
            Expr right = operands.get(k);
            if (arith.ops().get(k - 1) == ArithOp.DIV) {
                text = "\\frac{" + text + "}{" + latex(right) + "}";
                strength = ATOM; // a \frac is a closed box
            } else {
                // A sum on the left would swallow the right factor ("\sum_i x_i \, y"); on the right it reads fine.
                String l = strength < MULTIPLICATIVE || single instanceof Expr.Aggregate ? "\\left(" + text + "\\right)" : text;
                String r = wrapIf(right, strength(right) <= UNARY);
                text = l + multiplication(single, r) + r;
                strength = MULTIPLICATIVE;
            }
            single = null;
        }
        return text;
    }

    /** Juxtaposition as in {@code c_{ij} x_{ij}}, except before a digit, where {@code 2 3} would read as 23. */
    private static String multiplication(Expr left, String right) {
        char first = right.isEmpty() ? ' ' : right.charAt(0);
        if (Character.isDigit(first) || first == '.') return " \\cdot ";
        return left instanceof Expr.Num ? " " : " \\, ";
    }

    /** Bases that take a superscript without ambiguity: {@code x^{2}}, {@code x_{i}^{2}}, {@code \sqrt{x}^{2}}. */
    private static boolean isPlainBase(Expr base) {
        return base instanceof Expr.Ref || base instanceof Expr.Index || base instanceof Expr.Call
                || base instanceof Expr.Text || (base instanceof Expr.Num num && num.value() >= 0);
    }

    private static String compare(Expr.Compare compare) {
        StringBuilder out = new StringBuilder();
        List<Expr> operands = compare.operands();
        for (int k = 0; k < operands.size(); k++) {
            if (k > 0) out.append(' ').append(relation(compare.ops().get(k - 1))).append(' ');
            out.append(wrapIf(operands.get(k), strength(operands.get(k)) <= COMPARE));
        }
        return out.toString();
    }

    static String relation(CmpOp op) {
        return switch (op) {
            case LE -> "\\le";
            case GE -> "\\ge";
            case EQ -> "=";
            case NE -> "\\ne";
            case LT -> "<";
            case GT -> ">";
        };
    }

    private static String call(Expr.Call call) {
        List<String> args = call.args().stream().map(LatexExpr::latex).toList();
        String joined = String.join(", ", args);
        return switch (call.function()) {
            case "abs", "len" -> "\\left\\lvert " + joined + " \\right\\rvert";
            case "min", "max" -> "\\" + call.function() + "\\left(" + joined + "\\right)";
            case "exp" -> "\\exp\\left(" + joined + "\\right)";
            case "log" -> "\\ln\\left(" + joined + "\\right)"; // the language's log is the natural logarithm
            case "sqrt" -> "\\sqrt{" + joined + "}";
            case "ceil" -> "\\left\\lceil " + joined + " \\right\\rceil";
            case "floor" -> "\\left\\lfloor " + joined + " \\right\\rfloor";
            default -> "\\operatorname{" + call.function().replace("_", "\\_") + "}\\left(" + joined + "\\right)";
        };
    }

    /**
     * {@code sum(b for i in I if c)} as {@code \sum_{i \in I : c} b}: one operator per binding for sums and
     * products (the usual double-sum layout), one combined subscript for min and max.
     */
    private static String aggregate(Expr.Aggregate aggregate) {
        String operator = switch (aggregate.function()) {
            case "sum", "quicksum" -> "\\sum";
            case "prod" -> "\\prod";
            case "min" -> "\\min";
            case "max" -> "\\max";
            default -> "\\operatorname{" + aggregate.function() + "}";
        };
        List<String> subscripts = new ArrayList<>();
        for (Binding binding : aggregate.bindings()) {
            subscripts.add(binding(binding) + (binding.filter() == null ? "" : " : " + latex(binding.filter())));
        }
        String body = wrapIf(aggregate.body(), strength(aggregate.body()) <= ADDITIVE);
        if (operator.equals("\\min") || operator.equals("\\max")) {
            return operator + "_{" + String.join(",\\, ", subscripts) + "} " + body;
        }
        return subscripts.stream().map(s -> operator + "_{" + s + "} ").collect(Collectors.joining()) + body;
    }

    private static String wrapIf(Expr expr, boolean wrap) {
        String inner = latex(expr);
        return wrap ? "\\left(" + inner + "\\right)" : inner;
    }

    private static int strength(Expr expr) {
        return switch (expr) {
            case Expr.Conditional c -> CONDITIONAL;
            case Expr.Logic logic -> logic.isAnd() ? AND : OR;
            case Expr.Not n -> NOT;
            case Expr.Compare c -> COMPARE;
            case Expr.Member m -> COMPARE;
            case Expr.Arith arith -> arith.isAdditive() ? ADDITIVE
                    : arith.isPower() ? POWER
                    : arith.ops().getLast() == ArithOp.DIV ? ATOM // a \frac is a closed box
                    : MULTIPLICATIVE;
            case Expr.Negate n -> UNARY;
            case Expr.Num num -> num.value() < 0 ? UNARY : ATOM;
            default -> ATOM;
        };
    }
}

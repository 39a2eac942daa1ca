package dev.optagent.formulation.expr;

import java.util.List;

/** Syntax tree of the expression language. Every node knows where it came from in the source text. */
public sealed interface Expr {

    Span span();

    /** A number literal. */
    record Num(double value, Span span) implements Expr { }

    /** A quoted element name: {@code 'seattle'}. */
    record Text(String value, Span span) implements Expr { }

    /** A bare identifier: a bound index, a scalar parameter or variable, or a set (in {@code len(S)}). */
    record Ref(String name, Span span) implements Expr { }

    /** {@code name[a, b]}: a parameter or variable element. */
    record Index(String name, Span nameSpan, List<Expr> args, Span span) implements Expr {
        public Index {
            args = List.copyOf(args);
        }
    }

    record Negate(Expr operand, Span span) implements Expr { }

    record Not(Expr operand, Span span) implements Expr { }

    /**
     * A left-associative chain of one precedence level, {@code a + b - c} or {@code a * b / c}, or one power
     * {@code a ** b}: operands.size() == ops.size() + 1. Chains stay n-ary so that a sum written out with
     * 100,000 terms is one node walked by a loop, not a tree 100,000 levels deep.
     */
    record Arith(List<Expr> operands, List<ArithOp> ops, Span span) implements Expr {
        public Arith {
            operands = List.copyOf(operands);
            ops = List.copyOf(ops);
            if (operands.size() != ops.size() + 1 || ops.isEmpty()) {
                throw new IllegalArgumentException("a chain needs one operator between each two operands");
            }
        }

        /** {@code +} and {@code -}, as opposed to {@code * /} or {@code **}. */
        public boolean isAdditive() {
            return ops.getFirst() == ArithOp.ADD || ops.getFirst() == ArithOp.SUB;
        }

        public boolean isPower() {
            return ops.getFirst() == ArithOp.POW;
        }
    }

    /** A chain of {@code and} (or of {@code or}): {@code a and b and c}, n-ary for the same reason as sums. */
    record Logic(boolean isAnd, List<Expr> operands, Span span) implements Expr {
        public Logic {
            operands = List.copyOf(operands);
        }
    }

    /** A comparison chain {@code a <= b <= c}: operands.size() == ops.size() + 1. */
    record Compare(List<Expr> operands, List<CmpOp> ops, Span span) implements Expr {
        public Compare {
            operands = List.copyOf(operands);
            ops = List.copyOf(ops);
        }
    }

    /** Set membership in a filter: {@code (i, j) in Arcs}, {@code k not in Hubs}. */
    record Member(Expr item, String set, Span setSpan, boolean negated, Span span) implements Expr { }

    /** {@code abs(x)}, {@code max(a, b)}, {@code len(S)}. */
    record Call(String function, Span nameSpan, List<Expr> args, Span span) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code sum(body for i in I for j in J if cond)}; also {@code min}, {@code max}, {@code prod}. */
    record Aggregate(String function, Span nameSpan, Expr body, List<Binding> bindings, Span span) implements Expr {
        public Aggregate {
            bindings = List.copyOf(bindings);
        }
    }

    /** {@code then if condition else otherwise}; the condition must not depend on variables. */
    record Conditional(Expr then, Expr condition, Expr otherwise, Span span) implements Expr { }

    /** {@code (a, b)}: a tuple element, used in comparisons and membership tests. */
    record Tuple(List<Expr> items, Span span) implements Expr {
        public Tuple {
            items = List.copyOf(items);
        }
    }
}

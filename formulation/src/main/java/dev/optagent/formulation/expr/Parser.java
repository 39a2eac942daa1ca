package dev.optagent.formulation.expr;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Pratt (precedence-climbing) parser for the Python-like expression language. Precedence, lowest first:
 * conditional {@code a if c else b}; {@code or}; {@code and}; {@code not}; comparisons (chained) and
 * {@code in}; {@code + -}; {@code * /}; unary minus; {@code **} (right-associative); indexing and calls.
 */
public final class Parser {

    private static final Set<String> AGGREGATES = Set.of("sum", "min", "max", "prod", "quicksum");
    private static final Set<String> KEYWORDS = Set.of("for", "in", "if", "else", "and", "or", "not");
    /**
     * Deepest nesting of parentheses, brackets, calls, signs and powers. Long flat chains ({@code a + b + ...})
     * are not nesting; a bound here keeps every recursive walk of the tree (checks, grounding, rendering)
     * far from the thread's stack limit.
     */
    public static final int MAX_NESTING = 100;
    /** Most bindings in one {@code for} or generator (each opens one nested loop). */
    public static final int MAX_BINDINGS = 32;

    private int depth;

    private final List<Token> tokens;
    private int at;

    private Parser(String text) {
        this.tokens = Lexer.tokens(text);
    }

    /** Parses a whole expression; throws {@link SyntaxError} with the offending position. */
    public static Expr expression(String text) {
        Parser parser = new Parser(text);
        Expr result = parser.conditional();
        parser.expectEnd("an operator or the end of the expression");
        return result;
    }

    /**
     * Parses a constraint's {@code for}: comma-separated bindings with an optional trailing filter, as in
     * {@code "p in Plants, (i, j) in Arcs if i != j"}. A leading {@code for} keyword is tolerated, as are
     * Python-style repeated {@code for ... for ...}.
     */
    public static List<Binding> bindings(String text) {
        Parser parser = new Parser(text);
        List<Binding> bindings = new ArrayList<>();
        do {
            parser.accept("for");
            bindings.add(parser.binding());
            if (parser.peek().is("if")) {
                parser.next();
                int last = bindings.size() - 1;
                bindings.set(last, bindings.get(last).withFilter(parser.disjunction()));
            }
            parser.limitBindings(bindings);
        } while (parser.accept(",") || parser.peek().is("for"));
        parser.expectEnd("',' and another binding, 'if' and a filter, or the end");
        return bindings;
    }

    // ---- grammar ---------------------------------------------------------------------------------

    private Expr conditional() {
        return nested(this::conditionalLevel);
    }

    private Expr conditionalLevel() {
        Expr then = disjunction();
        if (peek().is("if")) {
            next();
            Expr condition = disjunction();
            expect("else", "'else' and the value when the condition is false");
            Expr otherwise = conditional();
            return new Expr.Conditional(then, condition, otherwise, then.span().to(otherwise.span()));
        }
        return then;
    }

    private Expr disjunction() {
        return logicChain(false);
    }

    private Expr conjunction() {
        return logicChain(true);
    }

    private Expr logicChain(boolean isAnd) {
        String keyword = isAnd ? "and" : "or";
        Expr first = isAnd ? negation() : conjunction();
        if (!peek().is(keyword)) return first;
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (accept(keyword)) operands.add(isAnd ? negation() : conjunction());
        return new Expr.Logic(isAnd, operands, first.span().to(operands.getLast().span()));
    }

    private Expr negation() {
        if (peek().is("not")) {
            Token not = next();
            Expr operand = nested(this::negation);
            return new Expr.Not(operand, not.span().to(operand.span()));
        }
        return comparison();
    }

    private Expr comparison() {
        Expr first = additive();
        if (peek().is("in") || (peek().is("not") && peekAt(1).is("in"))) {
            boolean negated = accept("not");
            next();
            Token set = expectName("a set name after 'in'");
            return new Expr.Member(first, set.text(), set.span(), negated, first.span().to(set.span()));
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        List<CmpOp> ops = new ArrayList<>();
        while (comparisonOperator(peek()) != null) {
            ops.add(comparisonOperator(next()));
            operands.add(additive());
        }
        if (ops.isEmpty()) return first;
        return new Expr.Compare(operands, ops, first.span().to(operands.getLast().span()));
    }

    private static CmpOp comparisonOperator(Token token) {
        if (token.kind() != Token.Kind.SYMBOL) return null;
        return switch (token.text()) {
            case "<=" -> CmpOp.LE;
            case ">=" -> CmpOp.GE;
            case "==" -> CmpOp.EQ;
            case "!=" -> CmpOp.NE;
            case "<" -> CmpOp.LT;
            case ">" -> CmpOp.GT;
            default -> null;
        };
    }

    private Expr additive() {
        return chain(this::multiplicative, "+", ArithOp.ADD, "-", ArithOp.SUB);
    }

    private Expr multiplicative() {
        return chain(this::unary, "*", ArithOp.MUL, "/", ArithOp.DIV);
    }

    /** One precedence level as a flat n-ary node, read by a loop however many terms it has. */
    private Expr chain(java.util.function.Supplier<Expr> operand, String first, ArithOp firstOp, String second, ArithOp secondOp) {
        Expr head = operand.get();
        if (!peek().is(first) && !peek().is(second)) return head;
        List<Expr> operands = new ArrayList<>(List.of(head));
        List<ArithOp> ops = new ArrayList<>();
        while (peek().is(first) || peek().is(second)) {
            ops.add(next().is(first) ? firstOp : secondOp);
            operands.add(operand.get());
        }
        return new Expr.Arith(operands, ops, head.span().to(operands.getLast().span()));
    }

    private Expr unary() {
        if (peek().is("-")) {
            Token minus = next();
            Expr operand = nested(this::unary);
            return new Expr.Negate(operand, minus.span().to(operand.span()));
        }
        if (peek().is("+")) {
            next();
            return nested(this::unary);
        }
        return power();
    }

    private Expr power() {
        Expr base = primary();
        if (peek().is("**")) {
            next();
            Expr exponent = nested(this::unary);
            return new Expr.Arith(List.of(base, exponent), List.of(ArithOp.POW), base.span().to(exponent.span()));
        }
        return base;
    }

    /** Parses one nesting level deeper, refusing past {@link #MAX_NESTING} with the position where it happened. */
    private Expr nested(java.util.function.Supplier<Expr> inner) {
        depth++;
        try {
            if (depth > MAX_NESTING) throw new SyntaxError(peek().start(), "the expression nests deeper than " + MAX_NESTING
                    + " levels (parentheses, brackets, calls, signs and powers count)",
                    "at most " + MAX_NESTING + " nested levels; write a long sum flat (a + b + c) or as sum(... for i in I)");
            return inner.get();
        } finally {
            depth--;
        }
    }

    private Expr primary() {
        Token token = next();
        switch (token.kind()) {
            case NUMBER:
                return new Expr.Num(token.number(), token.span());
            case STRING:
                return new Expr.Text(token.text(), token.span());
            case NAME:
                if (KEYWORDS.contains(token.text())) {
                    throw new SyntaxError(token.start(), "unexpected keyword '" + token.text() + "'", "a value");
                }
                if (peek().is("[")) return index(token);
                if (peek().is("(")) return call(token);
                return new Expr.Ref(token.text(), token.span());
            case SYMBOL:
                if (token.is("(")) return parenthesised(token);
                throw new SyntaxError(token.start(), "unexpected " + token.describe(),
                        "a number, a name, a quoted element or '('");
            default:
                throw new SyntaxError(token.start(), "the expression ends too early",
                        "a number, a name, a quoted element or '('");
        }
    }

    private Expr parenthesised(Token open) {
        Expr first = conditional();
        if (peek().is(",")) {
            List<Expr> items = new ArrayList<>(List.of(first));
            while (accept(",")) {
                if (peek().is(")")) break;
                items.add(conditional());
            }
            Token close = expect(")", "')' to close the tuple opened at " + open.start());
            return new Expr.Tuple(items, open.span().to(close.span()));
        }
        expect(")", "')' to close the parenthesis opened at " + open.start());
        return first;
    }

    private Expr index(Token name) {
        next(); // [
        List<Expr> args = new ArrayList<>();
        if (peek().is("]")) {
            throw new SyntaxError(peek().start(), "empty index on '" + name.text() + "'", "at least one index");
        }
        do {
            args.add(conditional());
        } while (accept(","));
        Token close = expect("]", "',' or ']' to close the index of '" + name.text() + "'");
        Expr indexed = new Expr.Index(name.text(), name.span(), args, name.span().to(close.span()));
        if (peek().is("[")) {
            throw new SyntaxError(peek().start(), "chained indexing '" + name.text() + "[..][..]'",
                    "one bracket with all indices, as in " + name.text() + "[i, j]");
        }
        return indexed;
    }

    private Expr call(Token name) {
        next(); // (
        if (peek().is(")")) {
            throw new SyntaxError(peek().start(), "'" + name.text() + "()' has no arguments", "at least one argument");
        }
        Expr first = conditional();
        if (peek().is("for")) {
            if (!AGGREGATES.contains(name.text())) {
                throw new SyntaxError(peek().start(), "'" + name.text() + "' cannot take a generator",
                        "a generator only inside sum, min, max or prod");
            }
            List<Binding> bindings = generators();
            Token close = expect(")", "')' to close " + name.text() + "(...)");
            return new Expr.Aggregate(name.text(), name.span(), first, bindings, name.span().to(close.span()));
        }
        List<Expr> args = new ArrayList<>(List.of(first));
        while (accept(",")) {
            args.add(conditional());
        }
        Token close = expect(")", "',' or ')' to close " + name.text() + "(...)");
        return new Expr.Call(name.text(), name.span(), args, name.span().to(close.span()));
    }

    private List<Binding> generators() {
        List<Binding> bindings = new ArrayList<>();
        expect("for", "'for'");
        do {
            Binding binding = binding();
            Expr filter = null;
            while (accept("if")) {
                Expr more = disjunction();
                filter = filter == null ? more : new Expr.Logic(true, List.of(filter, more), filter.span().to(more.span()));
            }
            bindings.add(filter == null ? binding : binding.withFilter(filter));
            limitBindings(bindings);
            // "for i in I for j in J" (Python) and the common slip "for i in I, j in J" mean the same.
        } while (accept("for") || accept(","));
        return bindings;
    }

    private Binding binding() {
        Token first = peek();
        List<String> names = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        if (accept("(")) {
            do {
                Token name = expectName("an index name inside the tuple pattern");
                names.add(name.text());
                spans.add(name.span());
            } while (accept(","));
            expect(")", "')' to close the tuple pattern");
        } else {
            Token name = expectName("an index name, as in 'i in I'");
            names.add(name.text());
            spans.add(name.span());
            // Python's unparenthesised tuple pattern "i, j in Arcs" (as opposed to "i in I, j in J").
            while (peek().is(",") && peekAt(1).kind() == Token.Kind.NAME && (peekAt(2).is(",") || peekAt(2).is("in"))) {
                next();
                Token more = expectName("an index name");
                names.add(more.text());
                spans.add(more.span());
            }
        }
        expect("in", "'in' and a set name");
        Token set = expectName("a set name after 'in'");
        if (peek().is("(")) {
            throw new SyntaxError(set.start(), "'" + set.text() + "(...)' is not a set",
                    "the name of a declared set (declare a range set such as {\"name\": \"T\", \"range\": [1, 12]})");
        }
        return new Binding(names, spans, set.text(), set.span(), null, first.span().to(set.span()));
    }

    private void limitBindings(List<Binding> bindings) {
        if (bindings.size() > MAX_BINDINGS) {
            throw new SyntaxError(bindings.getLast().span().start(), "more than " + MAX_BINDINGS + " bindings in one generator",
                    "at most " + MAX_BINDINGS + " bindings (index a set of tuples instead)");
        }
    }

    // ---- token helpers ---------------------------------------------------------------------------

    private Token peek() {
        return tokens.get(at);
    }

    private Token peekAt(int ahead) {
        return tokens.get(Math.min(at + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = tokens.get(at);
        if (token.kind() != Token.Kind.END) at++;
        return token;
    }

    private boolean accept(String symbol) {
        if (peek().is(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private Token expect(String symbol, String expected) {
        Token token = peek();
        if (!token.is(symbol)) {
            throw new SyntaxError(token.start(), "found " + token.describe(), expected);
        }
        return next();
    }

    private Token expectName(String expected) {
        Token token = peek();
        if (token.kind() != Token.Kind.NAME || KEYWORDS.contains(token.text())) {
            throw new SyntaxError(token.start(), "found " + token.describe(), expected);
        }
        return next();
    }

    private void expectEnd(String expected) {
        Token token = peek();
        if (token.kind() != Token.Kind.END) {
            String hint = token.is(")") || token.is("]") ? "unbalanced '" + token.text() + "'" : "unexpected " + token.describe();
            throw new SyntaxError(token.start(), hint, expected);
        }
    }
}

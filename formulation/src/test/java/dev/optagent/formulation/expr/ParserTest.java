package dev.optagent.formulation.expr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParserTest {

    @Test
    void powerBindsTighterThanUnaryMinusAndIsRightAssociative() {
        Expr e = Parser.expression("-x ** 2 ** 3");
        Expr.Negate negate = assertInstanceOf(Expr.Negate.class, e);
        Expr.Arith power = assertInstanceOf(Expr.Arith.class, negate.operand());
        assertEquals(List.of(ArithOp.POW), power.ops());
        assertEquals(List.of(ArithOp.POW), assertInstanceOf(Expr.Arith.class, power.operands().get(1)).ops());
    }

    @Test
    void chainsOfOnePrecedenceAreOneFlatNode() {
        Expr.Arith sum = assertInstanceOf(Expr.Arith.class, Parser.expression("a + b - c + d * e / f"));
        assertEquals(List.of(ArithOp.ADD, ArithOp.SUB, ArithOp.ADD), sum.ops());
        Expr.Arith product = assertInstanceOf(Expr.Arith.class, sum.operands().get(3));
        assertEquals(List.of(ArithOp.MUL, ArithOp.DIV), product.ops());
        Expr.Logic and = assertInstanceOf(Expr.Logic.class, Parser.expression("a > 1 and b > 1 and c > 1 or d > 1"));
        assertEquals(false, and.isAnd());
        assertEquals(3, assertInstanceOf(Expr.Logic.class, and.operands().getFirst()).operands().size());
    }

    @Test
    void aHundredThousandTermSumParsesWithoutDeepRecursion() {
        String text = "x" + " + x".repeat(99_999) + " >= 1";
        Expr.Compare compare = assertInstanceOf(Expr.Compare.class, Parser.expression(text));
        assertEquals(100_000, assertInstanceOf(Expr.Arith.class, compare.operands().getFirst()).operands().size());
    }

    @Test
    void nestingBeyondTheLimitIsASyntaxErrorNamingTheLimit() {
        int depth = Parser.MAX_NESTING;
        Parser.expression("(".repeat(depth - 1) + "x" + ")".repeat(depth - 1)); // the top level counts as one
        for (String deep : List.of("(".repeat(1000) + "x" + ")".repeat(1000), "-".repeat(5000) + "x",
                "not ".repeat(3000) + "a", "x" + " ** x".repeat(3000), "abs(".repeat(2000) + "x" + ")".repeat(2000))) {
            SyntaxError e = org.junit.jupiter.api.Assertions.assertThrows(SyntaxError.class, () -> Parser.expression(deep));
            assertTrue(e.getMessage().contains("deeper than " + depth), e.getMessage());
        }
        SyntaxError bindings = org.junit.jupiter.api.Assertions.assertThrows(SyntaxError.class,
                () -> Parser.bindings(String.join(", ", java.util.Collections.nCopies(40, "i in I"))));
        assertTrue(bindings.getMessage().contains("more than " + Parser.MAX_BINDINGS), bindings.getMessage());
    }

    @Test
    void sumWithSeveralGeneratorsTupleBindingAndFilter() {
        Expr e = Parser.expression("sum(c[i, j] * x[i, j] for (i, j) in Arcs if i != 's' for k in K)");
        Expr.Aggregate sum = assertInstanceOf(Expr.Aggregate.class, e);
        assertEquals(2, sum.bindings().size());
        assertEquals(List.of("i", "j"), sum.bindings().get(0).names());
        assertTrue(sum.bindings().get(0).filter() != null);
        assertEquals("K", sum.bindings().get(1).set());
    }

    @Test
    void rangedComparisonIsOneChain() {
        Expr.Compare compare = assertInstanceOf(Expr.Compare.class, Parser.expression("10 <= x[t] + y <= 20"));
        assertEquals(List.of(CmpOp.LE, CmpOp.LE), compare.ops());
        assertEquals(3, compare.operands().size());
    }

    @Test
    void conditionalExpressionAndIndexArithmetic() {
        Expr e = Parser.expression("(stock[t - 1] if t > 1 else initial) + make[t]");
        Expr.Arith add = assertInstanceOf(Expr.Arith.class, e);
        Expr.Conditional conditional = assertInstanceOf(Expr.Conditional.class, add.operands().getFirst());
        Expr.Index stock = assertInstanceOf(Expr.Index.class, conditional.then());
        assertInstanceOf(Expr.Arith.class, stock.args().getFirst());
    }

    @Test
    void commonLlmSpellingsAreAccepted() {
        assertEquals(CmpOp.EQ, assertInstanceOf(Expr.Compare.class, Parser.expression("x = 3")).ops().getFirst());
        assertEquals(List.of(ArithOp.POW), assertInstanceOf(Expr.Arith.class, Parser.expression("x ^ 2")).ops());
        assertEquals(CmpOp.LE, assertInstanceOf(Expr.Compare.class, Parser.expression("x ≤ 3")).ops().getFirst());
        assertInstanceOf(Expr.Aggregate.class, Parser.expression("sum(x[i, j] for i in I, j in J)"));
    }

    @Test
    void constraintBindingsWithTrailingFilter() {
        List<Binding> bindings = Parser.bindings("p in Plants, t in T if t > 1");
        assertEquals(2, bindings.size());
        assertTrue(bindings.get(1).filter() != null);
        assertEquals(List.of("i", "j"), Parser.bindings("i, j in Arcs").getFirst().names());
        assertEquals(2, Parser.bindings("for i in I for j in J").size());
    }

    @Test
    void syntaxErrorsSayWhereAndWhatWasExpected() {
        SyntaxError unclosed = assertThrows(SyntaxError.class, () -> Parser.expression("sum(x[i] for i in I"));
        assertEquals(19, unclosed.position());
        assertTrue(unclosed.expected().contains("')'"), unclosed.expected());

        SyntaxError implicit = assertThrows(SyntaxError.class, () -> Parser.expression("3x + 2"));
        assertEquals(1, implicit.position());
        assertTrue(implicit.getMessage().contains("3 * x"));

        SyntaxError dangling = assertThrows(SyntaxError.class, () -> Parser.expression("x +"));
        assertEquals(3, dangling.position());
    }
}

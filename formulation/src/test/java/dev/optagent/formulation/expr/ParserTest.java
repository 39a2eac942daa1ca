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
        assertEquals(ArithOp.POW, power.op());
        assertEquals(ArithOp.POW, assertInstanceOf(Expr.Arith.class, power.right()).op());
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
        Expr.Conditional conditional = assertInstanceOf(Expr.Conditional.class, add.left());
        Expr.Index stock = assertInstanceOf(Expr.Index.class, conditional.then());
        assertInstanceOf(Expr.Arith.class, stock.args().getFirst());
    }

    @Test
    void commonLlmSpellingsAreAccepted() {
        assertEquals(CmpOp.EQ, assertInstanceOf(Expr.Compare.class, Parser.expression("x = 3")).ops().getFirst());
        assertEquals(ArithOp.POW, assertInstanceOf(Expr.Arith.class, Parser.expression("x ^ 2")).op());
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

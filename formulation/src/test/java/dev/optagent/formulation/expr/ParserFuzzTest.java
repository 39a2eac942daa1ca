package dev.optagent.formulation.expr;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** Random input must give a tree or a {@link SyntaxError} with an in-range position, never anything else. */
class ParserFuzzTest {

    private static final String[] PIECES = {
        "x", "y[i]", "a[i, j]", "sum(", "for", " i in I", "if", "else", "(", ")", "[", "]", ",", "+", "-", "*", "/",
        "**", "^", "<=", ">=", "==", "=", "<", "not", "and", "or", "'e'", "\"q", "3", "2.5e-3", ".5", "1e", "max(",
        "abs(", "len(", " ", "\\", "@", "#", "≤", "(i, j) in Arcs", "x if", ":", "]]", "in", "t - 1"
    };

    @Test
    void randomTokenSoupNeverEscapesAsAnUnstructuredException() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            int pieces = 1 + random.nextInt(12);
            for (int k = 0; k < pieces; k++) text.append(PIECES[random.nextInt(PIECES.length)]);
            check(text.toString());
        }
    }

    @Test
    void randomCharactersNeverEscapeAsAnUnstructuredException() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "xyz ijk[](),+-*/<>=!'\"0123456789.e_sumforinifelse\\\t\n≤é";
        for (int round = 0; round < 20_000; round++) {
            char[] text = new char[random.nextInt(30)];
            for (int k = 0; k < text.length; k++) text[k] = alphabet.charAt(random.nextInt(alphabet.length()));
            check(new String(text));
        }
    }

    private static void check(String text) {
        try {
            Parser.expression(text);
        } catch (SyntaxError e) {
            assertTrue(e.position() >= 0 && e.position() <= text.length(), () -> "position " + e.position() + " for " + text);
            assertTrue(e.expected() != null && !e.expected().isBlank(), () -> "no 'expected' for " + text);
        } catch (RuntimeException | StackOverflowError e) {
            fail("'" + text + "' threw " + e);
        }
        try {
            Parser.bindings(text);
        } catch (SyntaxError e) {
            assertTrue(e.position() >= 0 && e.position() <= text.length());
        } catch (RuntimeException | StackOverflowError e) {
            fail("bindings '" + text + "' threw " + e);
        }
    }
}

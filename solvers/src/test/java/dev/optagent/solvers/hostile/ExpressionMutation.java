package dev.optagent.solvers.hostile;

import java.util.Random;

/** A broken or hostile expression text: stray tokens, cut text, huge numbers, deep nesting, very long sums. */
final class ExpressionMutation {

    private static final String[] TOKENS = {"(", ")", "[", "]", "**", "*", "/", "+", "-", "sum(", "for", "in", "if", "else",
            "not", "and", ",", "'", "\"", "1e308", "1e999", "0/0", "/ 0", "abs(", "len(", "max(", "é", "\u0000", "==", "<=",
            "1e-320", "-0", "x ** 1e308", "inf", "nan", ":", "lambda", "__import__", "\\", "\n"};

    private ExpressionMutation() {
    }

    static String apply(String text, Random random) {
        int at = text.isEmpty() ? 0 : random.nextInt(text.length() + 1);
        return switch (random.nextInt(7)) {
            case 0 -> text.substring(0, at) + " " + TOKENS[random.nextInt(TOKENS.length)] + " " + text.substring(at);
            case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1 + random.nextInt(8)));
            case 2 -> text.replaceAll("\\b\\d+(\\.\\d+)?\\b", random.nextBoolean() ? "1e308" : "1e200 * 1e200");
            case 3 -> {
                int depth = 50 + random.nextInt(2000);
                yield "(".repeat(depth) + text + ")".repeat(depth);
            }
            case 4 -> text + (" + " + text.split("[<>=]")[0]).repeat(1 + random.nextInt(3000));
            case 5 -> "-".repeat(1 + random.nextInt(3000)) + text;
            default -> text.substring(0, at);
        };
    }
}

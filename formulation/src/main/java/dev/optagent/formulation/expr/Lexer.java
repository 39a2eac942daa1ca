package dev.optagent.formulation.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens. Accepts the spellings LLMs commonly produce ("^", "=", "≤"). */
final class Lexer {

    private static final String[] SYMBOLS = {
        "**", "<=", ">=", "==", "!=", "=<", "=>", "+", "-", "*", "/", "^", "<", ">", "=",
        "(", ")", "[", "]", ",", "≤", "≥", "≠", ":"
    };

    private final String text;
    private int at;

    private Lexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) {
        return new Lexer(text).run();
    }

    private List<Token> run() {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at >= text.length()) {
                tokens.add(new Token(Token.Kind.END, "", 0, at, at));
                return tokens;
            }
            char c = text.charAt(at);
            if (Character.isDigit(c) || (c == '.' && at + 1 < text.length() && Character.isDigit(text.charAt(at + 1)))) {
                tokens.add(number());
            } else if (c == '\'' || c == '"') {
                tokens.add(string(c));
            } else if (Character.isLetter(c) || c == '_') {
                int start = at;
                while (at < text.length() && (Character.isLetterOrDigit(text.charAt(at)) || text.charAt(at) == '_')) at++;
                tokens.add(new Token(Token.Kind.NAME, text.substring(start, at), 0, start, at));
            } else {
                tokens.add(symbol());
            }
        }
    }

    private void skipSpace() {
        while (at < text.length() && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '\\')) {
            // A backslash line continuation, as in Python, is whitespace here.
            at++;
        }
    }

    private Token number() {
        int start = at;
        while (at < text.length() && Character.isDigit(text.charAt(at))) at++;
        if (at < text.length() && text.charAt(at) == '.') {
            at++;
            while (at < text.length() && Character.isDigit(text.charAt(at))) at++;
        }
        if (at < text.length() && (text.charAt(at) == 'e' || text.charAt(at) == 'E')) {
            int mark = at;
            at++;
            if (at < text.length() && (text.charAt(at) == '+' || text.charAt(at) == '-')) at++;
            if (at < text.length() && Character.isDigit(text.charAt(at))) {
                while (at < text.length() && Character.isDigit(text.charAt(at))) at++;
            } else {
                at = mark;
            }
        }
        String literal = text.substring(start, at).replace("_", "");
        if (at < text.length() && (Character.isLetter(text.charAt(at)) || text.charAt(at) == '_')) {
            throw new SyntaxError(at, "a number is directly followed by '" + text.charAt(at)
                    + "'; write multiplication explicitly, as in 3 * x", "an operator such as '*'");
        }
        return new Token(Token.Kind.NUMBER, literal, Double.parseDouble(literal), start, at);
    }

    private Token string(char quote) {
        int start = at++;
        StringBuilder value = new StringBuilder();
        while (at < text.length() && text.charAt(at) != quote) {
            value.append(text.charAt(at++));
        }
        if (at >= text.length()) {
            throw new SyntaxError(start, "unterminated quoted name", "a closing " + quote);
        }
        at++;
        return new Token(Token.Kind.STRING, value.toString(), 0, start, at);
    }

    private Token symbol() {
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, at)) {
                int start = at;
                at += symbol.length();
                return new Token(Token.Kind.SYMBOL, normalise(symbol), 0, start, at);
            }
        }
        throw new SyntaxError(at, "unexpected character '" + text.charAt(at) + "'",
                "a number, a name, a quoted element or an operator");
    }

    private static String normalise(String symbol) {
        return switch (symbol) {
            case "^" -> "**";
            case "=", "==" -> "==";
            case "≤", "=<" -> "<=";
            case "≥", "=>" -> ">=";
            case "≠" -> "!=";
            default -> symbol;
        };
    }
}

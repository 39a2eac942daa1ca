package dev.optagent.formulation.render;

import java.util.Set;

/**
 * How names, numbers and free text are spelled in LaTeX (KaTeX subset). Identifiers of the expression
 * language are {@code [A-Za-z_][A-Za-z0-9_]*}, so only the underscore needs escaping in them; element
 * names and unparsable source text may hold anything and go through {@link #text}.
 */
final class LatexText {

    /** Names that read better as the Greek letter a modeller meant ({@code alpha} as α). */
    private static final Set<String> GREEK = Set.of(
            "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu",
            "nu", "xi", "pi", "rho", "sigma", "tau", "upsilon", "phi", "chi", "psi", "omega",
            "Gamma", "Delta", "Theta", "Lambda", "Xi", "Pi", "Sigma", "Upsilon", "Phi", "Psi", "Omega");

    private LatexText() {
    }

    /** {@code x} stays {@code x}; longer names go in {@code \mathit} so LaTeX does not kern them as a product of letters. */
    static String identifier(String name) {
        if (GREEK.contains(name)) return "\\" + name;
        if (name.length() == 1) return name;
        return "\\mathit{" + name.replace("_", "\\_") + "}";
    }

    /** Text-mode escaping, for {@code \text{...}} and {@code \texttt{...}}. */
    static String text(String raw) {
        StringBuilder out = new StringBuilder(raw.length() + 8);
        for (int k = 0; k < raw.length(); k++) {
            char c = raw.charAt(k);
            switch (c) {
                case '\\' -> out.append("\\textbackslash{}");
                case '{', '}', '_', '#', '$', '%', '&' -> out.append('\\').append(c);
                case '^' -> out.append("\\textasciicircum{}");
                case '~' -> out.append("\\textasciitilde{}");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Shortest exact decimal; {@code 1e-05} becomes {@code 1 \times 10^{-5}} rather than an "E". */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) return Long.toString((long) value);
        String plain = Double.toString(value);
        int e = plain.indexOf('E');
        if (e < 0) return plain;
        String mantissa = plain.substring(0, e);
        if (mantissa.endsWith(".0")) mantissa = mantissa.substring(0, mantissa.length() - 2);
        return mantissa + " \\times 10^{" + plain.substring(e + 1) + "}";
    }
}

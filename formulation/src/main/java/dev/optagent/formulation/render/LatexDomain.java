package dev.optagent.formulation.render;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.VariableType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A variable's domain line, such as {@code \mathit{ship}_{p,m} \in \mathbb{R}_{\ge 0}} for all p and m,
 * with the bounds as declared (numbers, infinities or parameter names). Declarations name index sets but
 * not index symbols, so the symbols are made from the sets' initials.
 */
record LatexDomain(Formulation formulation, VariableDecl variable) {

    /** {@code domain && \quad \forall ... &&}, the columns of {@link LatexRenderer}'s layout. */
    String latex() {
        List<String> symbols = symbols();
        String subscript = symbols.isEmpty() ? "" : "_{" + String.join(",", symbols) + "}";
        String x = LatexText.identifier(variable.name()) + subscript;
        String domain = domain(x, bound(variable.lower(), 0, subscript), bound(variable.upper(), Double.POSITIVE_INFINITY, subscript));
        if (symbols.isEmpty()) return domain;
        List<String> quantified = new ArrayList<>();
        for (int k = 0; k < symbols.size(); k++) {
            quantified.add(symbols.get(k) + " \\in " + LatexText.identifier(variable.index().get(k)));
        }
        return domain + " && \\quad \\forall " + String.join(", ", quantified) + " && ";
    }

    private String domain(String x, Bound lower, Bound upper) {
        if (variable.type() == VariableType.BINARY) return x + " \\in \\{0,1\\}";
        String numbers = variable.type() == VariableType.INTEGER ? "\\mathbb{Z}" : "\\mathbb{R}";
        if (lower.isZero() && upper.isInfinite()) return x + " \\in " + numbers + "_{\\ge 0}";
        if (lower.isInfinite() && upper.isInfinite()) return x + " \\in " + numbers;
        String bounds = (lower.isInfinite() ? "" : lower.latex() + " \\le ") + x
                + (upper.isInfinite() ? "" : " \\le " + upper.latex());
        return variable.type() == VariableType.INTEGER ? x + " \\in \\mathbb{Z},\\; " + bounds : bounds;
    }

    /** Same reading of a bound as the grounding's: absent means the default, words mean infinities. */
    private Bound bound(JsonNode node, double fallback, String subscript) {
        if (node == null || node.isNull()) return Bound.of(fallback);
        if (node.isNumber()) return Bound.of(node.doubleValue());
        String text = node.asText().trim();
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "-inf", "-infinity" -> Bound.of(Double.NEGATIVE_INFINITY);
            case "inf", "+inf", "infinity", "+infinity" -> Bound.of(Double.POSITIVE_INFINITY);
            case "none", "free", "unbounded" -> Bound.of(fallback == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY);
            default -> {
                boolean indexed = formulation.parameter(text).map(p -> !p.isScalar()).orElse(false);
                yield new Bound(LatexText.identifier(text) + (indexed ? subscript : ""), Double.NaN);
            }
        };
    }

    private List<String> symbols() {
        Set<String> used = new HashSet<>();
        List<String> symbols = new ArrayList<>();
        for (String set : variable.index()) {
            char initial = set.isEmpty() || !Character.isLetter(set.charAt(0)) ? 'i' : Character.toLowerCase(set.charAt(0));
            String symbol = String.valueOf(initial);
            while (!used.add(symbol)) symbol += "'"; // Plants × Plants gives p, p'
            symbols.add(symbol);
        }
        return symbols;
    }

    /** A bound in LaTeX; {@code value} is NaN when the bound is a parameter. */
    private record Bound(String latex, double value) {

        static Bound of(double value) {
            return new Bound(Double.isInfinite(value) ? (value > 0 ? "\\infty" : "-\\infty") : LatexText.number(value), value);
        }

        boolean isZero() {
            return value == 0;
        }

        boolean isInfinite() {
            return Double.isInfinite(value);
        }
    }
}

package dev.optagent.formulation.render;

import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.Sense;
import dev.optagent.formulation.VariableDecl;
import dev.optagent.formulation.expr.Binding;
import dev.optagent.formulation.expr.Expr;
import dev.optagent.formulation.expr.Parser;
import dev.optagent.formulation.expr.SyntaxError;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The formulation as it would be written on paper, for the web UI (KaTeX). It is rendered symbolically
 * from the expression trees, so it shows {@code \sum_{p \in \mathit{Plants}}} and not a thousand grounded
 * terms, and it needs no data: a formulation that does not ground yet still renders.
 *
 * <p>Layout: one {@code aligned} block with the objective, then every constraint family with its
 * {@code \forall} and name, then the variable domains. Columns: label, expression, quantifier, name.
 */
public final class LatexRenderer {

    private static final String LINE_BREAK = " \\\\\n";

    private LatexRenderer() {
    }

    /**
     * The whole formulation as {@code \begin{aligned} ... \end{aligned}}. A field that does not parse is
     * shown verbatim in {@code \texttt} rather than failing the whole rendering: the UI shows models while
     * they are being edited.
     */
    public static String render(Formulation formulation) {
        Set<String> variables = formulation.variables().stream().map(VariableDecl::name).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        if (formulation.isLexicographic()) lines.addAll(goals(formulation));
        else lines.add(objective(formulation));
        int constraintsFrom = lines.size();
        for (ConstraintDecl constraint : formulation.constraints()) {
            lines.add(constraint(constraint, variables));
        }
        for (VariableDecl variable : formulation.variables()) {
            lines.add(" & " + new LatexDomain(formulation, variable).latex());
        }
        StringBuilder out = new StringBuilder("\\begin{aligned}\n");
        for (int k = 0; k < lines.size(); k++) {
            String label = k == constraintsFrom ? "\\text{s.t.} \\quad" : "";
            out.append(label).append(lines.get(k)).append(k < lines.size() - 1 ? LINE_BREAK : "\n");
        }
        return out.append("\\end{aligned}").toString();
    }

    /** A standalone LaTeX document (amsmath) around {@link #render}, for {@code pdflatex model.tex}. */
    public static String document(Formulation formulation) {
        String title = formulation.name() == null ? "Model" : LatexText.text(formulation.name());
        return "\\documentclass{article}\n\\usepackage{amsmath,amssymb}\n\\begin{document}\n\\section*{" + title + "}\n"
                + (formulation.description() == null ? "" : LatexText.text(formulation.description()) + "\n")
                + "\\[\n" + render(formulation) + "\n\\]\n\\end{document}\n";
    }

    /** One expression (objective, relation or filter) as inline LaTeX; throws {@link SyntaxError} if it does not parse. */
    public static String expression(String exprText) {
        return LatexExpr.latex(Parser.expression(exprText));
    }

    /** Goals in priority order: {@code 1.\ \min \quad & expr \quad (\text{name})}, then 2., 3., ... */
    private static List<String> goals(Formulation formulation) {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < formulation.objectives().size(); k++) {
            var goal = formulation.objectives().get(k);
            String operator = goal.sense() == Sense.MAXIMIZE ? "\\max" : "\\min";
            String name = goal.name() == null ? "" : " \\quad (\\text{" + escapeText(goal.name()) + "})";
            lines.add((k + 1) + ".\\ " + operator + " \\quad & " + orVerbatim(goal.expression()) + name);
        }
        return lines;
    }

    private static String escapeText(String text) {
        return text.replace("\\", "").replace("_", "\\_").replace("{", "").replace("}", "").replace("$", "").replace("%", "\\%")
                .replace("&", "\\&").replace("#", "\\#").replace("^", "").replace("~", "");
    }

    private static String objective(Formulation formulation) {
        if (formulation.objective() == null || formulation.objective().isFeasibility() || formulation.objective().expression() == null) {
            return "\\text{find} \\quad & \\text{a feasible solution}";
        }
        String operator = formulation.objective().sense() == Sense.MAXIMIZE ? "\\max" : "\\min";
        return operator + " \\quad & " + orVerbatim(formulation.objective().expression());
    }

    /**
     * {@code body && \forall bindings : filters && (name)}. An {@code if} on a decision variable is an
     * indicator, shown as an implication; an {@code if} on data only selects instances, so it joins the filters.
     */
    private static String constraint(ConstraintDecl constraint, Set<String> variables) {
        List<String> quantified = new ArrayList<>();
        List<String> filters = new ArrayList<>();
        if (constraint.forall() != null && !constraint.forall().isBlank()) {
            try {
                for (Binding binding : Parser.bindings(constraint.forall())) {
                    quantified.add(LatexExpr.binding(binding));
                    if (binding.filter() != null) filters.add(LatexExpr.latex(binding.filter()));
                }
            } catch (SyntaxError e) {
                quantified.add(verbatim(constraint.forall()));
            }
        }
        String implication = "";
        if (constraint.condition() != null && !constraint.condition().isBlank()) {
            try {
                Expr condition = Parser.expression(constraint.condition());
                if (mentions(condition, variables)) {
                    implication = LatexExpr.latex(condition) + " \\Rightarrow ";
                } else {
                    filters.add(LatexExpr.latex(condition));
                }
            } catch (SyntaxError e) {
                implication = verbatim(constraint.condition()) + " \\Rightarrow ";
            }
        }
        String quantifier = quantified.isEmpty() ? "" : "\\forall " + String.join(", ", quantified)
                + (filters.isEmpty() ? "" : " : " + String.join(" \\land ", filters));
        if (quantified.isEmpty() && !filters.isEmpty()) quantifier = "\\text{if } " + String.join(" \\land ", filters);
        String name = constraint.name() == null ? "" : "\\text{(" + LatexText.text(constraint.name()) + ")}";
        return " & " + implication + orVerbatim(constraint.expression()) + " && \\quad " + quantifier + " && " + name;
    }

    /** Whether the expression refers to a decision variable (so it cannot be a data filter). */
    private static boolean mentions(Expr expr, Set<String> names) {
        return switch (expr) {
            case Expr.Ref ref -> names.contains(ref.name());
            case Expr.Index index -> names.contains(index.name());
            case Expr.Num n -> false;
            case Expr.Text t -> false;
            case Expr.Negate negate -> mentions(negate.operand(), names);
            case Expr.Not not -> mentions(not.operand(), names);
            case Expr.Arith arith -> arith.operands().stream().anyMatch(e -> mentions(e, names));
            case Expr.Logic logic -> logic.operands().stream().anyMatch(e -> mentions(e, names));
            case Expr.Compare compare -> compare.operands().stream().anyMatch(e -> mentions(e, names));
            case Expr.Member member -> mentions(member.item(), names);
            case Expr.Call call -> call.args().stream().anyMatch(e -> mentions(e, names));
            case Expr.Aggregate aggregate -> mentions(aggregate.body(), names);
            case Expr.Conditional c -> mentions(c.then(), names) || mentions(c.condition(), names) || mentions(c.otherwise(), names);
            case Expr.Tuple tuple -> tuple.items().stream().anyMatch(e -> mentions(e, names));
        };
    }

    private static String orVerbatim(String text) {
        if (text == null || text.isBlank()) return "\\text{(empty)}";
        try {
            return expression(text);
        } catch (SyntaxError e) {
            return verbatim(text);
        }
    }

    private static String verbatim(String text) {
        return "\\texttt{" + LatexText.text(text) + "}";
    }
}

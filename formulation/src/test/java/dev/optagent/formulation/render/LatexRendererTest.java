package dev.optagent.formulation.render;

import dev.optagent.formulation.ConstraintDecl;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.formulation.expr.SyntaxError;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatexRendererTest {

    @Test
    void goalsAreNumberedInPriorityOrderBeforeTheConstraints() {
        Formulation lex = FormulationJson.parse("""
                {"variables": [{"name": "x"}],
                 "objectives": [{"name": "unmet_demand", "sense": "minimize", "expression": "10 - x"},
                                {"name": "profit", "sense": "maximize", "expression": "3 * x"}],
                 "constraints": [{"name": "cap", "expression": "x <= 8"}]}""");
        List<String> lines = LatexRenderer.render(lex).lines().toList();
        assertEquals("1.\\ \\min \\quad & 10 - x \\quad (\\text{unmet\\_demand}) \\\\", lines.get(1));
        assertTrue(lines.get(2).startsWith("2.\\ \\max \\quad & 3 x"), lines.get(2));
        assertTrue(lines.get(3).startsWith("\\text{s.t.} \\quad & x \\le 8"), lines.get(3));
        assertEquals(lex.objectives().getFirst().expression(), lex.exportable().objective().expression(), "LP/MPS get the first goal");
    }

    @Test
    void transportRendersObjectiveConstraintsAndDomainsSymbolically() {
        String latex = LatexRenderer.render(Models.transport());
        List<String> lines = latex.lines().toList();

        assertEquals("\\begin{aligned}", lines.getFirst());
        assertEquals("\\end{aligned}", lines.getLast());
        assertEquals("\\min \\quad & \\sum_{p \\in \\mathit{Plants}} \\sum_{m \\in \\mathit{Markets}} "
                + "\\frac{\\mathit{freight} \\, \\mathit{dist}_{p,m}}{1000} \\, \\mathit{ship}_{p,m} \\\\", lines.get(1));
        assertEquals("\\text{s.t.} \\quad & \\sum_{m \\in \\mathit{Markets}} \\mathit{ship}_{p,m} \\le \\mathit{supply}_{p}"
                + " && \\quad \\forall p \\in \\mathit{Plants} && \\text{(supply\\_limit)} \\\\", lines.get(2));
        assertEquals(" & \\sum_{p \\in \\mathit{Plants}} \\mathit{ship}_{p,m} \\ge \\mathit{demand}_{m}"
                + " && \\quad \\forall m \\in \\mathit{Markets} && \\text{(demand\\_met)} \\\\", lines.get(3));
        assertTrue(lines.get(4).startsWith(" & \\mathit{ship}_{p,m} \\in \\mathbb{R}_{\\ge 0} && \\quad \\forall p \\in \\mathit{Plants}, m \\in \\mathit{Markets}"),
                lines.get(4));
        assertEquals(6, lines.size(), latex);
        assertBalanced(latex);
    }

    @Test
    void facilityShowsIndicatorAsImplicationRangeAndEveryDomain() {
        String latex = LatexRenderer.render(Models.facility());

        assertTrue(latex.contains("\\min \\quad & \\sum_{s \\in \\mathit{Sites}} \\left(\\mathit{fixed}_{s} \\, \\mathit{open}_{s}"
                + " + \\mathit{flow}_{s}^{2}\\right) + 3 \\mathit{flow}_{\\text{north}} \\, \\mathit{flow}_{\\text{south-east}} + n + z + 4"), latex);
        assertTrue(latex.contains("& \\mathit{open}_{s} = 0 \\Rightarrow \\mathit{flow}_{s} \\le 0 && \\quad \\forall s \\in \\mathit{Sites}"
                + " && \\text{(closed\\_empty)}"), latex);
        assertTrue(latex.contains("& 4 \\le \\sum_{s \\in \\mathit{Sites}} \\mathit{flow}_{s} + n \\le 12"), latex);
        assertTrue(latex.contains("& \\mathit{open}_{s} \\in \\{0,1\\} && \\quad \\forall s \\in \\mathit{Sites}"), latex);
        assertTrue(latex.contains("& 0 \\le \\mathit{flow}_{s} \\le \\mathit{cap}_{s} && \\quad \\forall s \\in \\mathit{Sites}"), latex);
        assertTrue(latex.contains("& n \\in \\mathbb{Z},\\; 0 \\le n \\le 8"), latex);
        assertTrue(latex.contains("& z \\in \\mathbb{R}\n"), latex);
        assertBalanced(latex);
    }

    @Test
    void dataConditionJoinsTheQuantifierAndVariableConditionIsAnImplication() {
        Formulation base = Models.facility();
        Formulation f = base.withConstraints(List.of(
                new ConstraintDecl("late", null, "t in Sites", "t != 'north'", "flow[t] <= 3"),
                new ConstraintDecl("on", null, "t in Sites, u in Sites if t != u", "open[t] == 1", "flow[t] >= flow[u]")));
        String latex = LatexRenderer.render(f);

        assertTrue(latex.contains("& \\mathit{flow}_{t} \\le 3 && \\quad \\forall t \\in \\mathit{Sites} : t \\ne \\text{north}"), latex);
        assertTrue(latex.contains("& \\mathit{open}_{t} = 1 \\Rightarrow \\mathit{flow}_{t} \\ge \\mathit{flow}_{u}"
                + " && \\quad \\forall t \\in \\mathit{Sites}, u \\in \\mathit{Sites} : t \\ne u"), latex);
    }

    @Test
    void maximisationFeasibilityAndVariableDomains() {
        Formulation f = FormulationJson.parse("""
                {"name": "d",
                 "sets": [{"name": "T", "range": [1, 3]}],
                 "parameters": [{"name": "lo", "value": 2}],
                 "variables": [
                   {"name": "k", "index": ["T", "T"], "type": "integer"},
                   {"name": "w", "index": ["T"], "lower": "-inf", "upper": 5},
                   {"name": "v", "lower": "lo"},
                   {"name": "m", "type": "integer", "lower": "-inf"}],
                 "objective": {"sense": "maximize", "expression": "sum(w[t] for t in T)"}}
                """);
        String latex = LatexRenderer.render(f);
        assertTrue(latex.contains("\\max \\quad & \\sum_{t \\in T} w_{t}"), latex);
        assertTrue(latex.contains("& k_{t,t'} \\in \\mathbb{Z}_{\\ge 0} && \\quad \\forall t \\in T, t' \\in T"), latex);
        assertTrue(latex.contains("& w_{t} \\le 5 && \\quad \\forall t \\in T"), latex);
        assertTrue(latex.contains("& \\mathit{lo} \\le v"), latex);
        assertTrue(latex.contains("& m \\in \\mathbb{Z}"), latex);

        String feasibility = LatexRenderer.render(f.withObjective(null));
        assertTrue(feasibility.contains("\\text{find} \\quad & \\text{a feasible solution}"), feasibility);
    }

    @Test
    void unparsableFieldIsShownVerbatimInsteadOfFailing() {
        Formulation f = Models.transport().withConstraints(List.of(ConstraintDecl.of("broken_one", "p in Plants", "ship[p, $] <= 1")));
        String latex = LatexRenderer.render(f);
        assertTrue(latex.contains("\\texttt{ship[p, \\$] <= 1}"), latex);
        assertTrue(latex.contains("\\text{(broken\\_one)}"), latex);
    }

    @Test
    void expressionsUseProperNotation() {
        assertEquals("\\left\\lvert x - y \\right\\rvert \\le 3", LatexRenderer.expression("abs(x - y) <= 3"));
        assertEquals("\\sqrt{x} + \\exp\\left(-y\\right) + \\ln\\left(z + 1\\right)", LatexRenderer.expression("sqrt(x) + exp(-y) + log(z + 1)"));
        assertEquals("x^{2} + \\left(a + b\\right)^{2} + \\left(\\frac{a}{b}\\right)^{2}", LatexRenderer.expression("x ** 2 + (a + b) ^ 2 + (a / b) ** 2"));
        assertEquals("\\min\\left(x, y, 3\\right) + \\max\\left(a_{i}, 0\\right)", LatexRenderer.expression("min(x, y, 3) + max(a[i], 0)"));
        assertEquals("\\sum_{i \\in I : c_{i} > 0} c_{i} \\, x_{i}", LatexRenderer.expression("sum(c[i] * x[i] for i in I if c[i] > 0)"));
        assertEquals("\\sum_{(i,j) \\in \\mathit{Arcs} : i \\ne j} x_{i,j}", LatexRenderer.expression("sum(x[i, j] for (i, j) in Arcs if i != j)"));
        assertEquals("\\min_{i \\in I,\\, j \\in J} c_{i,j}", LatexRenderer.expression("min(c[i, j] for i in I for j in J)"));
        assertEquals("\\frac{x \\, \\left(y + z\\right)}{a - b}", LatexRenderer.expression("x * (y + z) / (a - b)"));
        assertEquals("x_{t - 1} + x_{\\text{san-diego\\_1}}", LatexRenderer.expression("x[t - 1] + x['san-diego_1']"));
        assertEquals("\\begin{cases} 3 & \\text{if } t > 1 \\\\ 0 & \\text{otherwise} \\end{cases}", LatexRenderer.expression("3 if t > 1 else 0"));
    }

    @Test
    void parenthesesFollowPrecedenceNotTheSource() {
        assertEquals("a - \\left(b + c\\right) \\cdot 2 \\, x", LatexRenderer.expression("a - (b + c) * 2 * x"));
        assertEquals("a + b + c", LatexRenderer.expression("(a + b) + c"));
        assertEquals("-\\left(a + b\\right) + \\left(-x\\right)", LatexRenderer.expression("-(a + b) + -x"));
        assertEquals("\\left(\\sum_{i \\in I} x_{i}\\right) \\cdot 2", LatexRenderer.expression("sum(x[i] for i in I) * 2"));
        assertEquals("2 \\sum_{i \\in I} x_{i}", LatexRenderer.expression("2 * sum(x[i] for i in I)"));
        assertEquals("\\left(-x\\right)^{2} + \\left(-x^{2}\\right)", LatexRenderer.expression("(-x) ** 2 + -x ** 2"));
        assertEquals("a^{b^{c}}", LatexRenderer.expression("a ** b ** c"));
        assertEquals("\\lnot \\left(x > 1\\right) \\land \\left(i \\in S \\lor j \\notin S\\right)",
                LatexRenderer.expression("not x > 1 and (i in S or j not in S)"));
    }

    @Test
    void namesAreEscapedAndNumbersReadable() {
        assertEquals("\\alpha \\, x + \\mathit{supply\\_limit}", LatexRenderer.expression("alpha * x + supply_limit"));
        assertEquals("1 \\times 10^{-5} x + 0.25 y", LatexRenderer.expression("1e-5 * x + 0.25 * y"));
        assertEquals("\\left\\lvert I \\right\\rvert \\, \\left\\lceil a \\right\\rceil", LatexRenderer.expression("len(I) * ceil(a)"));
    }

    @Test
    void expressionReportsSyntaxErrors() {
        assertThrows(SyntaxError.class, () -> LatexRenderer.expression("x +"));
    }

    private static void assertBalanced(String latex) {
        int depth = 0;
        for (int k = 0; k < latex.length(); k++) {
            char c = latex.charAt(k);
            if (c == '\\') {
                k++; // \{ and \} are literal braces
            } else if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                assertTrue(depth >= 0, "unbalanced } at " + k + ": " + latex);
            }
        }
        assertEquals(0, depth, "unbalanced braces: " + latex);
        assertEquals(count(latex, "\\left"), count(latex, "\\right"), latex);
    }

    private static int count(String text, String what) {
        return text.split(java.util.regex.Pattern.quote(what), -1).length - 1;
    }
}

package dev.optagent.formulation.ground;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * {@code constant + Σ a_j x_j + Σ q_jk x_j x_k} over variable indices: the most a row can be in LP or MPS
 * format, and what the MPSolver compiler hands to SCIP (its indices may include auxiliary columns). Sorted maps keep the output order (and so the files) deterministic. Mutable while
 * an expression is being expanded, read-only afterwards.
 */
public final class QuadraticForm {

    /** One product term {@code coef · x_first · x_second} with {@code first <= second}. */
    public record Term(int first, int second, double coef) {
        public boolean isSquare() {
            return first == second;
        }
    }

    private double constant;
    private final TreeMap<Integer, Double> linear = new TreeMap<>();
    /** Key: (first << 32) | second with first <= second, so each unordered pair has one entry. */
    private final TreeMap<Long, Double> quadratic = new TreeMap<>();

    public static QuadraticForm constant(double value) {
        QuadraticForm form = new QuadraticForm();
        form.constant = value;
        return form;
    }

    public static QuadraticForm variable(int index) {
        QuadraticForm form = new QuadraticForm();
        form.linear.put(index, 1.0);
        return form;
    }

    public boolean isConstant() {
        return degree() == 0;
    }

    /** The variable this form is, when it is exactly {@code 1·x}; otherwise -1. */
    public int asSingleVariable() {
        SortedMap<Integer, Double> terms = linear();
        if (constant != 0 || !isLinear() || terms.size() != 1) return -1;
        return terms.firstEntry().getValue() == 1.0 ? terms.firstKey() : -1;
    }

    public double constant() {
        return constant;
    }

    /** Nonzero linear coefficients by variable index, ascending. */
    public SortedMap<Integer, Double> linear() {
        TreeMap<Integer, Double> nonzero = new TreeMap<>();
        linear.forEach((v, c) -> {
            if (c != 0) nonzero.put(v, c);
        });
        return nonzero;
    }

    /** Nonzero product terms, ordered by (first, second). */
    public List<Term> quadratic() {
        List<Term> terms = new ArrayList<>();
        for (Map.Entry<Long, Double> entry : quadratic.entrySet()) {
            if (entry.getValue() != 0) {
                long key = entry.getKey();
                terms.add(new Term((int) (key >>> 32), (int) key, entry.getValue()));
            }
        }
        return terms;
    }

    public boolean isLinear() {
        return quadratic().isEmpty();
    }

    /** 0, 1 or 2, ignoring terms that cancelled to zero. */
    public int degree() {
        if (!isLinear()) return 2;
        return linear().isEmpty() ? 0 : 1;
    }

    public void addConstant(double value) {
        constant += value;
    }

    public void addLinear(int variable, double coef) {
        linear.merge(variable, coef, Double::sum);
    }

    public void addProduct(int a, int b, double coef) {
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        quadratic.merge(key, coef, Double::sum);
    }

    public void add(QuadraticForm other, double factor) {
        constant += factor * other.constant;
        other.linear.forEach((v, c) -> addLinear(v, factor * c));
        other.quadratic.forEach((key, c) -> quadratic.merge(key, factor * c, Double::sum));
    }

    /**
     * The form of a grounded expression: its constant and linear part as they are, each nonlinear atom as
     * {@code atoms} expands it. Callers differ only in how they expand products, powers and functions.
     */
    public static QuadraticForm of(GroundExpr expr, java.util.function.Function<Atom, QuadraticForm> atoms) {
        QuadraticForm form = constant(expr.constant());
        int[] vars = expr.linearVariables();
        double[] coefs = expr.linearCoefficients();
        for (int k = 0; k < vars.length; k++) form.addLinear(vars[k], coefs[k]);
        for (GroundExpr.Scaled term : expr.nonlinearTerms()) form.add(atoms.apply(term.atom()), term.coef());
        return form;
    }

    /** The product; the caller has checked that the degrees add up to at most 2. */
    public static QuadraticForm product(QuadraticForm a, QuadraticForm b) {
        if (a.degree() + b.degree() > 2) {
            throw new IllegalStateException("product of degree " + (a.degree() + b.degree()));
        }
        QuadraticForm out = constant(a.constant * b.constant);
        a.linear.forEach((v, c) -> out.addLinear(v, c * b.constant));
        b.linear.forEach((v, c) -> out.addLinear(v, c * a.constant));
        a.quadratic.forEach((key, c) -> out.quadratic.merge(key, c * b.constant, Double::sum));
        b.quadratic.forEach((key, c) -> out.quadratic.merge(key, c * a.constant, Double::sum));
        a.linear.forEach((va, ca) -> b.linear.forEach((vb, cb) -> out.addProduct(va, vb, ca * cb)));
        return out;
    }

    /** The same form without its constant (a row's constant moves to its right-hand side). */
    public QuadraticForm withoutConstant() {
        QuadraticForm copy = new QuadraticForm();
        copy.add(this, 1);
        copy.constant = 0;
        return copy;
    }
}

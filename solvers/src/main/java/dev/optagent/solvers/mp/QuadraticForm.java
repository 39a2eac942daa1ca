package dev.optagent.solvers.mp;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code constant + Σ a_j x_j + Σ q_jk x_j x_k} over solver columns; mutable while it is being built. */
final class QuadraticForm {

    double constant;
    final Map<Integer, Double> linear = new LinkedHashMap<>();
    /** Key: (min column << 32) | max column. */
    final Map<Long, Double> quadratic = new LinkedHashMap<>();

    static QuadraticForm ofConstant(double value) {
        QuadraticForm form = new QuadraticForm();
        form.constant = value;
        return form;
    }

    static QuadraticForm ofColumn(int column) {
        QuadraticForm form = new QuadraticForm();
        form.linear.put(column, 1.0);
        return form;
    }

    boolean isLinear() {
        return quadratic.isEmpty();
    }

    boolean isConstant() {
        return quadratic.isEmpty() && linear.isEmpty();
    }

    void addLinear(int column, double coef) {
        linear.merge(column, coef, Double::sum);
    }

    void addQuadratic(int a, int b, double coef) {
        long key = ((long) Math.min(a, b) << 32) | Math.max(a, b);
        quadratic.merge(key, coef, Double::sum);
    }

    void add(QuadraticForm other, double factor) {
        constant += factor * other.constant;
        other.linear.forEach((column, coef) -> addLinear(column, factor * coef));
        other.quadratic.forEach((key, coef) -> quadratic.merge(key, factor * coef, Double::sum));
    }

    /** Product of two affine forms. */
    static QuadraticForm product(QuadraticForm a, QuadraticForm b) {
        QuadraticForm out = new QuadraticForm();
        out.constant = a.constant * b.constant;
        a.linear.forEach((column, coef) -> out.addLinear(column, coef * b.constant));
        b.linear.forEach((column, coef) -> out.addLinear(column, coef * a.constant));
        a.linear.forEach((ca, qa) -> b.linear.forEach((cb, qb) -> out.addQuadratic(ca, cb, qa * qb)));
        return out;
    }

    /** The single column this form is, when it is exactly {@code 1·x}. */
    int asColumn() {
        if (constant != 0 || !quadratic.isEmpty() || linear.size() != 1) return -1;
        Map.Entry<Integer, Double> only = linear.entrySet().iterator().next();
        return only.getValue() == 1.0 ? only.getKey() : -1;
    }

    static int first(long key) {
        return (int) (key >>> 32);
    }

    static int second(long key) {
        return (int) key;
    }
}

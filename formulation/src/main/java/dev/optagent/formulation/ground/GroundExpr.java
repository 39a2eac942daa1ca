package dev.optagent.formulation.ground;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A grounded algebraic expression over variable instances, kept in a canonical form:
 * {@code constant + Σ coef·x + Σ coef·atom}, where the affine part is sparse and sorted by variable and
 * each nonlinear atom (a product, quotient, power or function) holds its own grounded arguments. The
 * affine fast path keeps large linear models cheap; the atoms keep every nonlinearity explicit so the
 * classifier and the compilers can see exactly what they get.
 */
public final class GroundExpr {

    private static final int[] NO_VARS = {};
    private static final double[] NO_COEFS = {};
    public static final GroundExpr ZERO = new GroundExpr(0, NO_VARS, NO_COEFS, List.of());
    /**
     * Deepest nesting of nonlinear atoms (a product inside a power inside a function ...). The classifier,
     * the verifier and the engine compilers walk atoms recursively, so the depth is bounded where atoms are
     * built; a product of 3,000 variables is refused here rather than overflowing a stack later.
     */
    public static final int MAX_NESTING = 100;

    private final double constant;
    private final int[] vars;
    private final double[] coefs;
    private final List<Scaled> nonlinear;
    private final int nesting;

    /** One nonlinear term {@code coef · atom}. */
    public record Scaled(double coef, Atom atom) { }

    private GroundExpr(double constant, int[] vars, double[] coefs, List<Scaled> nonlinear) {
        this.constant = constant;
        this.vars = vars;
        this.coefs = coefs;
        this.nonlinear = nonlinear;
        int deepest = 0;
        for (Scaled term : nonlinear) deepest = Math.max(deepest, nesting(term.atom()));
        this.nesting = deepest;
    }

    private static int nesting(Atom atom) {
        int deepest = 0;
        for (GroundExpr argument : atom.arguments()) deepest = Math.max(deepest, argument.nesting);
        return deepest + 1;
    }

    /** Levels of nonlinear atoms inside one another: 0 for an affine expression. */
    public int nesting() {
        return nesting;
    }

    public static GroundExpr constant(double value) {
        return value == 0 ? ZERO : new GroundExpr(value, NO_VARS, NO_COEFS, List.of());
    }

    public static GroundExpr variable(int index) {
        return new GroundExpr(0, new int[] {index}, new double[] {1}, List.of());
    }

    /** @throws ArithmeticException when the atom would nest deeper than {@link #MAX_NESTING} */
    public static GroundExpr atom(Atom atom) {
        if (nesting(atom) > MAX_NESTING) {
            throw new ArithmeticException("the nonlinear expression nests deeper than " + MAX_NESTING
                    + " levels (products, quotients, powers and functions inside one another)");
        }
        return new GroundExpr(0, NO_VARS, NO_COEFS, List.of(new Scaled(1, atom)));
    }

    public double constant() {
        return constant;
    }

    /** Variable indices of the affine part, sorted ascending; do not modify. */
    public int[] linearVariables() {
        return vars;
    }

    /** Coefficients matching {@link #linearVariables()}; do not modify. */
    public double[] linearCoefficients() {
        return coefs;
    }

    public List<Scaled> nonlinearTerms() {
        return nonlinear;
    }

    public boolean isConstant() {
        return vars.length == 0 && nonlinear.isEmpty();
    }

    public boolean isAffine() {
        return nonlinear.isEmpty();
    }

    /** Value under an assignment of all variable instances. */
    public double evaluate(double[] values) {
        double total = constant;
        for (int k = 0; k < vars.length; k++) {
            total += coefs[k] * values[vars[k]];
        }
        for (Scaled term : nonlinear) {
            total += term.coef() * term.atom().evaluate(values);
        }
        return total;
    }

    /** Calls back for every variable instance that occurs anywhere in this expression. */
    public void forEachVariable(java.util.function.IntConsumer action) {
        for (int v : vars) action.accept(v);
        for (Scaled term : nonlinear) {
            for (GroundExpr argument : term.atom().arguments()) argument.forEachVariable(action);
        }
    }

    // ---- algebra ---------------------------------------------------------------------------------

    public GroundExpr plus(GroundExpr other) {
        if (other.isConstant()) return other.constant == 0 ? this : shift(other.constant);
        if (isConstant()) return constant == 0 ? other : other.shift(constant);
        return new Builder().add(this, 1).add(other, 1).build();
    }

    public GroundExpr minus(GroundExpr other) {
        return plus(other.scale(-1));
    }

    public GroundExpr negate() {
        return scale(-1);
    }

    public GroundExpr shift(double amount) {
        return new GroundExpr(constant + amount, vars, coefs, nonlinear);
    }

    public GroundExpr scale(double factor) {
        if (factor == 1) return this;
        if (factor == 0) return ZERO;
        double[] scaled = new double[coefs.length];
        for (int k = 0; k < coefs.length; k++) scaled[k] = coefs[k] * factor;
        List<Scaled> terms = new ArrayList<>(nonlinear.size());
        for (Scaled term : nonlinear) terms.add(new Scaled(term.coef() * factor, term.atom()));
        return new GroundExpr(constant * factor, vars, scaled, List.copyOf(terms));
    }

    public GroundExpr times(GroundExpr other) {
        if (other.isConstant()) return scale(other.constant);
        if (isConstant()) return other.scale(constant);
        return atom(new Atom.Product(this, other));
    }

    public GroundExpr dividedBy(GroundExpr other) {
        if (other.isConstant()) {
            if (other.constant == 0) throw new ArithmeticException("division by zero");
            return scale(1 / other.constant);
        }
        return atom(new Atom.Quotient(this, other));
    }

    public GroundExpr power(GroundExpr exponent) {
        if (isConstant() && exponent.isConstant()) return constant(Math.pow(constant, exponent.constant));
        if (exponent.isConstant()) {
            if (exponent.constant == 1) return this;
            if (exponent.constant == 0) return constant(1);
        }
        return atom(new Atom.Power(this, exponent));
    }

    /** Accumulates a large sum without quadratic copying; the result is sorted and merged. */
    public static final class Builder {
        private double constant;
        private int[] vars = new int[8];
        private double[] coefs = new double[8];
        private int size;
        private final List<Scaled> nonlinear = new ArrayList<>();

        public Builder add(GroundExpr expr, double factor) {
            constant += factor * expr.constant;
            int needed = size + expr.vars.length;
            if (needed > vars.length) {
                int capacity = Math.max(needed, vars.length * 2);
                vars = Arrays.copyOf(vars, capacity);
                coefs = Arrays.copyOf(coefs, capacity);
            }
            for (int k = 0; k < expr.vars.length; k++) {
                vars[size] = expr.vars[k];
                coefs[size++] = factor * expr.coefs[k];
            }
            for (Scaled term : expr.nonlinear) {
                nonlinear.add(factor == 1 ? term : new Scaled(factor * term.coef(), term.atom()));
            }
            return this;
        }

        public GroundExpr build() {
            if (size == 0 && nonlinear.isEmpty()) return constant(constant);
            int[] order = sortedPositions();
            int[] outVars = new int[size];
            double[] outCoefs = new double[size];
            int out = -1;
            for (int position : order) {
                if (out >= 0 && outVars[out] == vars[position]) {
                    outCoefs[out] += coefs[position];
                } else {
                    outVars[++out] = vars[position];
                    outCoefs[out] = coefs[position];
                }
            }
            int kept = 0;
            for (int k = 0; k <= out; k++) {
                if (outCoefs[k] != 0) {
                    outVars[kept] = outVars[k];
                    outCoefs[kept++] = outCoefs[k];
                }
            }
            return new GroundExpr(constant, Arrays.copyOf(outVars, kept), Arrays.copyOf(outCoefs, kept),
                    List.copyOf(nonlinear));
        }

        private int[] sortedPositions() {
            // Sort positions by variable index; packing (var, position) into a long keeps it primitive.
            long[] keys = new long[size];
            for (int k = 0; k < size; k++) keys[k] = ((long) vars[k] << 32) | k;
            Arrays.sort(keys);
            int[] order = new int[size];
            for (int k = 0; k < size; k++) order[k] = (int) keys[k];
            return order;
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        if (constant != 0 || (vars.length == 0 && nonlinear.isEmpty())) text.append(Value.format(constant));
        for (int k = 0; k < vars.length; k++) {
            text.append(text.isEmpty() ? "" : " + ").append(Value.format(coefs[k])).append("*x").append(vars[k]);
        }
        for (Scaled term : nonlinear) {
            text.append(text.isEmpty() ? "" : " + ").append(Value.format(term.coef())).append('*').append(term.atom());
        }
        return text.toString();
    }
}

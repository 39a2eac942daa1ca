package dev.optagent.formulation.ground;

import java.util.List;

/** A nonlinear building block of a {@link GroundExpr}. */
public sealed interface Atom {

    List<GroundExpr> arguments();

    double evaluate(double[] values);

    record Product(GroundExpr left, GroundExpr right) implements Atom {
        public List<GroundExpr> arguments() {
            return List.of(left, right);
        }

        public double evaluate(double[] values) {
            return left.evaluate(values) * right.evaluate(values);
        }

        @Override
        public String toString() {
            return "(" + left + ")*(" + right + ")";
        }
    }

    record Quotient(GroundExpr numerator, GroundExpr denominator) implements Atom {
        public List<GroundExpr> arguments() {
            return List.of(numerator, denominator);
        }

        public double evaluate(double[] values) {
            return numerator.evaluate(values) / denominator.evaluate(values);
        }

        @Override
        public String toString() {
            return "(" + numerator + ")/(" + denominator + ")";
        }
    }

    record Power(GroundExpr base, GroundExpr exponent) implements Atom {
        public List<GroundExpr> arguments() {
            return List.of(base, exponent);
        }

        public double evaluate(double[] values) {
            return Math.pow(base.evaluate(values), exponent.evaluate(values));
        }

        /** The exponent when it is a constant non-negative integer (a polynomial power), else -1. */
        public int integerExponent() {
            if (!exponent.isConstant()) return -1;
            double e = exponent.constant();
            return e >= 0 && e == Math.rint(e) && e <= 64 ? (int) e : -1;
        }

        @Override
        public String toString() {
            return "(" + base + ")**(" + exponent + ")";
        }
    }

    record Apply(Function function, List<GroundExpr> arguments) implements Atom {
        public Apply {
            arguments = List.copyOf(arguments);
        }

        public double evaluate(double[] values) {
            double[] args = new double[arguments.size()];
            for (int k = 0; k < args.length; k++) args[k] = arguments.get(k).evaluate(values);
            return function.apply(args);
        }

        @Override
        public String toString() {
            return function.symbol() + arguments;
        }
    }
}

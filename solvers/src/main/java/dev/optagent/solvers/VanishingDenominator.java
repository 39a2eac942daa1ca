package dev.optagent.solvers;

import dev.optagent.formulation.ground.Atom;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.render.ReadableNumber;

import java.util.Optional;

/**
 * A local search on {@code (x + 1) / y} with {@code y >= 0} happily returns y = 1e-9 and an objective of 1e9:
 * the ratio has no optimum, only a pole. Such a point passes every constraint, so verification alone would
 * let it through as "optimal". This check finds a division in the objective whose denominator is (nearly) zero
 * at the reported point, so the answer is refused with the reason instead.
 */
final class VanishingDenominator {

    private static final double NEAR_ZERO = 1e-6;

    private VanishingDenominator() {
    }

    /** The offending denominator and its value, or empty when every division in the objective is well away from 0. */
    static Optional<String> in(GroundModel model, double[] values) {
        if (model.objective() == null) return Optional.empty();
        for (GroundExpr.Scaled term : model.objective().nonlinearTerms()) {
            Optional<String> found = in(model, term.atom(), values);
            if (found.isPresent()) return found;
        }
        return Optional.empty();
    }

    private static Optional<String> in(GroundModel model, Atom atom, double[] values) {
        if (atom instanceof Atom.Quotient quotient) {
            double denominator = quotient.denominator().evaluate(values);
            double numerator = quotient.numerator().evaluate(values);
            if (Math.abs(denominator) <= NEAR_ZERO * Math.max(1, Math.abs(numerator))) {
                return Optional.of("the objective divides by " + named(model, quotient.denominator()) + ", which is " + ReadableNumber.of(denominator)
                        + " at the point found: the ratio has no finite optimum there. Keep the denominator away from zero"
                        + " (a positive lower bound) or check the model");
            }
        }
        for (GroundExpr argument : atom.arguments()) {
            for (GroundExpr.Scaled term : argument.nonlinearTerms()) {
                Optional<String> found = in(model, term.atom(), values);
                if (found.isPresent()) return found;
            }
        }
        return Optional.empty();
    }

    /** An affine denominator in the model's own variable names ({@code 2*x[a] + y}); anything else as grounded. */
    private static String named(GroundModel model, GroundExpr expr) {
        if (!expr.isAffine()) return expr.toString();
        StringBuilder text = new StringBuilder();
        int[] vars = expr.linearVariables();
        double[] coefs = expr.linearCoefficients();
        for (int k = 0; k < vars.length; k++) {
            if (!text.isEmpty()) text.append(coefs[k] < 0 ? " - " : " + ");
            else if (coefs[k] < 0) text.append('-');
            double magnitude = Math.abs(coefs[k]);
            if (magnitude != 1) text.append(ReadableNumber.of(magnitude)).append('*');
            text.append(model.variable(vars[k]).label());
        }
        if (expr.constant() != 0 || text.isEmpty()) {
            text.append(text.isEmpty() ? "" : expr.constant() < 0 ? " - " : " + ")
                    .append(ReadableNumber.of(text.isEmpty() ? expr.constant() : Math.abs(expr.constant())));
        }
        return text.toString();
    }
}

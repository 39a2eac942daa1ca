package dev.optagent.solvers.fractional;

import dev.optagent.formulation.ground.Atom;
import dev.optagent.formulation.ground.GroundExpr;

import java.util.Arrays;
import java.util.Optional;

/**
 * An objective of the form {@code N(x) / D(x)} with N and D affine: cost per ton, profit per hour, an average.
 * Recognised as written by people and models alike: {@code sum(c[k] * n[k] for k in K) / sum(w[k] * n[k] for k in K)},
 * a constant plus a scaled quotient, or several quotients over one denominator ({@code sum(c[k] * n[k] / D ...)}).
 * All of them are folded into one numerator over the shared denominator.
 */
public record LinearFraction(GroundExpr numerator, GroundExpr denominator) {

    /** The objective as one affine fraction, or empty when it is anything else. */
    public static Optional<LinearFraction> of(GroundExpr objective) {
        if (objective == null || objective.isAffine() || objective.linearVariables().length > 0) return Optional.empty();
        GroundExpr denominator = null;
        GroundExpr.Builder numerator = new GroundExpr.Builder();
        for (GroundExpr.Scaled term : objective.nonlinearTerms()) {
            if (!(term.atom() instanceof Atom.Quotient quotient)) return Optional.empty();
            if (!quotient.numerator().isAffine() || !quotient.denominator().isAffine()) return Optional.empty();
            if (denominator == null) denominator = quotient.denominator();
            else if (!sameAffine(denominator, quotient.denominator())) return Optional.empty();
            numerator.add(quotient.numerator(), term.coef());
        }
        // c + N/D = (N + c·D) / D
        numerator.add(denominator, objective.constant());
        return Optional.of(new LinearFraction(numerator.build(), denominator));
    }

    public double value(double[] values) {
        return numerator.evaluate(values) / denominator.evaluate(values);
    }

    private static boolean sameAffine(GroundExpr a, GroundExpr b) {
        return a.constant() == b.constant() && Arrays.equals(a.linearVariables(), b.linearVariables())
                && Arrays.equals(a.linearCoefficients(), b.linearCoefficients());
    }
}

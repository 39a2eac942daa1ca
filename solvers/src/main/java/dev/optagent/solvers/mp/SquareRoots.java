package dev.optagent.solvers.mp;

import dev.optagent.formulation.ground.Atom;
import dev.optagent.formulation.ground.Function;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;

/**
 * Whether a model is polynomial up to square roots ({@code sqrt(E)}, {@code E^0.5}) and abs/min/max. Such a
 * model is solved globally by SCIP after the exact reformulation {@code t = sqrt(E)  <=>  t >= 0, t^2 = E}
 * ({@link MpCompiler} does it), so a distance constraint {@code sqrt((x - a)^2 + (y - b)^2) <= r} over
 * integer coordinates no longer needs enumeration or a local search.
 */
public final class SquareRoots {

    private SquareRoots() {
    }

    /** True when the model has a square root and nothing else beyond polynomials and abs/min/max. */
    public static boolean reformulable(GroundModel model) {
        Scan scan = new Scan();
        if (model.objective() != null) scan.expr(model.objective());
        for (GroundConstraint c : model.constraints()) scan.expr(c.body());
        return scan.roots && !scan.other;
    }

    static boolean isSquareRoot(Atom.Power power) {
        return power.exponent().isConstant() && power.exponent().constant() == 0.5;
    }

    private static final class Scan {
        boolean roots;
        boolean other;

        void expr(GroundExpr e) {
            for (GroundExpr.Scaled term : e.nonlinearTerms()) atom(term.atom());
        }

        void atom(Atom atom) {
            switch (atom) {
                case Atom.Product p -> { expr(p.left()); expr(p.right()); }
                case Atom.Quotient q -> other = true;
                case Atom.Power p -> {
                    if (isSquareRoot(p)) roots = true;
                    else if (p.integerExponent() < 0) other = true;
                    expr(p.base());
                }
                case Atom.Apply a -> {
                    if (a.function() == Function.SQRT) roots = true;
                    else if (!a.function().isPiecewiseLinear()) other = true;
                    a.arguments().forEach(this::expr);
                }
            }
        }
    }
}

package dev.optagent.formulation.analysis;

import dev.optagent.formulation.ground.Atom;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;

/** Names the problem class (LP, MILP, QP, QCP, NLP, MINLP, CP) from the grounded expressions. */
public final class Classifier {

    /** Degree used for expressions that are not polynomials (exp, log, division by a variable, ...). */
    private static final int NOT_POLYNOMIAL = Integer.MAX_VALUE;

    private boolean piecewise;

    private Classifier() {
    }

    public static Classification classify(GroundModel model) {
        return new Classifier().run(model);
    }

    private Classification run(GroundModel model) {
        boolean[] used = model.usedVariables();
        boolean anyInteger = false;
        boolean allInteger = true;
        boolean anyUsed = false;
        for (int v = 0; v < used.length; v++) {
            if (!used[v]) continue;
            anyUsed = true;
            boolean discrete = model.variable(v).isDiscrete();
            anyInteger |= discrete;
            allInteger &= discrete;
        }
        allInteger &= anyUsed;
        int objectiveDegree = model.objective() == null ? 0 : degree(model.objective());
        int constraintDegree = 0;
        boolean indicators = false;
        for (GroundConstraint constraint : model.constraints()) {
            constraintDegree = Math.max(constraintDegree, degree(constraint.body()));
            indicators |= constraint.isIndicator();
        }
        int maxDegree = Math.max(objectiveDegree, constraintDegree);
        boolean polynomial = maxDegree != NOT_POLYNOMIAL;
        ProblemClass problemClass;
        if (maxDegree <= 1) {
            problemClass = anyInteger ? ProblemClass.MILP : ProblemClass.LP;
        } else if (allInteger) {
            problemClass = ProblemClass.CP;
        } else if (!polynomial || maxDegree > 2) {
            problemClass = anyInteger ? ProblemClass.MINLP : ProblemClass.NLP;
        } else if (constraintDegree == 2) {
            problemClass = anyInteger ? ProblemClass.MIQCP : ProblemClass.QCP;
        } else {
            problemClass = anyInteger ? ProblemClass.MIQP : ProblemClass.QP;
        }
        return new Classification(problemClass, anyInteger, allInteger, indicators, piecewise, polynomial,
                objectiveDegree == NOT_POLYNOMIAL ? -1 : objectiveDegree,
                constraintDegree == NOT_POLYNOMIAL ? -1 : constraintDegree);
    }

    /** Polynomial degree, counting abs/min/max of affine arguments as degree 1 (they linearise exactly). */
    private int degree(GroundExpr expr) {
        int degree = expr.linearVariables().length > 0 ? 1 : 0;
        for (GroundExpr.Scaled term : expr.nonlinearTerms()) {
            degree = Math.max(degree, degree(term.atom()));
        }
        return degree;
    }

    private int degree(Atom atom) {
        return switch (atom) {
            case Atom.Product product -> add(degree(product.left()), degree(product.right()));
            case Atom.Power power -> {
                int exponent = power.integerExponent();
                int base = degree(power.base());
                if (base == 0) yield power.exponent().isConstant() ? 0 : NOT_POLYNOMIAL;
                yield exponent < 0 || base == NOT_POLYNOMIAL ? NOT_POLYNOMIAL : (int) Math.min(NOT_POLYNOMIAL - 1L, (long) base * exponent);
            }
            case Atom.Quotient quotient -> degree(quotient.denominator()) == 0 ? degree(quotient.numerator()) : NOT_POLYNOMIAL;
            case Atom.Apply apply -> {
                if (!apply.function().isPiecewiseLinear()) {
                    boolean constant = apply.arguments().stream().allMatch(GroundExpr::isConstant);
                    yield constant ? 0 : NOT_POLYNOMIAL;
                }
                piecewise = true;
                int inner = 0;
                for (GroundExpr argument : apply.arguments()) inner = Math.max(inner, degree(argument));
                yield inner;
            }
        };
    }

    private static int add(int a, int b) {
        return a == NOT_POLYNOMIAL || b == NOT_POLYNOMIAL ? NOT_POLYNOMIAL : a + b;
    }
}

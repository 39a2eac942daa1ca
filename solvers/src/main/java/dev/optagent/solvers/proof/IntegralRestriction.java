package dev.optagent.solvers.proof;

import dev.optagent.formulation.VariableType;
import dev.optagent.formulation.ground.GroundConstraint;
import dev.optagent.formulation.ground.GroundExpr;
import dev.optagent.formulation.ground.GroundModel;
import dev.optagent.formulation.ground.VariableInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model with its continuous variables made integer, when that loses no optimum. It does when, for every
 * fixing of the integer variables, the continuous part is a system of difference constraints with integral
 * data: each linear row has at most two continuous terms, with coefficients +1 and -1 (one of each when two),
 * and every other number in the row (integer-variable coefficients, constants, sides) and every finite bound
 * of a continuous variable is an integer. Such a constraint matrix is the transpose of a network matrix,
 * hence totally unimodular, so every non-empty face of the continuous polyhedron holds an integral point
 * (Hoffman and Kruskal) and a linear objective's optimum is attained at one. Scheduling models with big-M
 * disjunctions over integer durations (flow shops, job shops, makespans, MTZ orders) have this form.
 * CP-SAT then proves the optimum of the original model, not of a restriction.
 */
public final class IntegralRestriction {

    private static final double INTEGRAL = 1e-9;

    private IntegralRestriction() {
    }

    /** The exact integer restriction, or empty when the model does not have the form above. */
    public static Optional<GroundModel> of(GroundModel model) {
        if (model.objective() == null || !model.objective().isAffine()) return Optional.empty();
        boolean anyContinuous = false;
        for (VariableInstance v : model.variables()) {
            if (v.isDiscrete()) continue;
            anyContinuous = true;
            if (!integralOrInfinite(v.lower()) || !integralOrInfinite(v.upper())) return Optional.empty();
        }
        if (!anyContinuous) return Optional.empty();
        for (GroundConstraint c : model.constraints()) {
            if (!differenceRow(model, c)) return Optional.empty();
        }
        List<VariableInstance> integral = new ArrayList<>(model.variableCount());
        for (VariableInstance v : model.variables()) {
            integral.add(v.isDiscrete() ? v : new VariableInstance(v.index(), v.block(), v.key(), VariableType.INTEGER, v.lower(), v.upper()));
        }
        return Optional.of(model.withVariables(integral));
    }

    private static boolean differenceRow(GroundModel model, GroundConstraint c) {
        GroundExpr body = c.body();
        if (!body.isAffine()) return false;
        if (!integralOrInfinite(c.lower() - body.constant()) || !integralOrInfinite(c.upper() - body.constant())) return false;
        int[] vs = body.linearVariables();
        double[] cs = body.linearCoefficients();
        int plus = 0, minus = 0;
        for (int k = 0; k < vs.length; k++) {
            if (cs[k] == 0) continue;
            if (model.variable(vs[k]).isDiscrete()) {
                if (!integral(cs[k])) return false;
            } else if (cs[k] == 1) {
                plus++;
            } else if (cs[k] == -1) {
                minus++;
            } else {
                return false;
            }
        }
        return plus <= 1 && minus <= 1;
    }

    private static boolean integralOrInfinite(double x) {
        return Double.isInfinite(x) || integral(x);
    }

    private static boolean integral(double x) {
        return Math.abs(x - Math.rint(x)) <= INTEGRAL * Math.max(1, Math.abs(x));
    }
}

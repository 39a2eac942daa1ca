package dev.optagent.formulation.ground;

import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Sense;

import java.util.ArrayList;
import java.util.List;

/**
 * Static warning for variables that improve the objective without limit: unbounded in the improving
 * direction and absent from every constraint. (With constraints present only a solver can tell.)
 */
final class RunawayCheck {

    private RunawayCheck() {
    }

    static List<Diagnostic> findings(List<VariableInstance> variables, Sense sense, GroundExpr objective,
                                     List<GroundConstraint> constraints) {
        List<Diagnostic> findings = new ArrayList<>();
        if (objective == null || sense == null) return findings;
        boolean[] constrained = new boolean[variables.size()];
        for (GroundConstraint constraint : constraints) {
            constraint.body().forEachVariable(v -> constrained[v] = true);
        }
        int[] vars = objective.linearVariables();
        double[] coefs = objective.linearCoefficients();
        for (int k = 0; k < vars.length && findings.size() < 10; k++) {
            VariableInstance variable = variables.get(vars[k]);
            if (constrained[vars[k]]) continue;
            boolean grows = coefs[k] * sense.sign() < 0;
            double bound = grows ? variable.upper() : variable.lower();
            if (Double.isInfinite(bound)) {
                findings.add(Diagnostic.warning("objective.runaway", "variable " + variable.block(), grows ? "upper" : "lower",
                        variable.label() + " improves the objective without limit: it has no " + (grows ? "upper" : "lower")
                                + " bound and appears in no constraint"));
            }
        }
        return findings;
    }
}

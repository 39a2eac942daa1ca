package dev.optagent.formulation.ground;

import dev.optagent.formulation.Diagnostic;

import java.util.ArrayList;
import java.util.List;

/**
 * The numbers an engine will see, checked after grounding and constant folding, as Gurobi, CPLEX and SCIP
 * check theirs: a non-finite value or one beyond {@link #LIMIT} is an error naming the element, the instance
 * and the value (an engine would otherwise answer INFEASIBLE from NaN bounds, or fail on its own limits);
 * coefficients spread over more than {@link #RANGE} are a warning, because such models solve but their
 * tolerances mean little.
 */
final class FiniteData {

    /** Largest magnitude accepted for a coefficient, a right-hand side or a finite bound. */
    static final double LIMIT = 1e15;
    /** Ratio of the largest to the smallest non-zero coefficient above which the model is badly scaled. */
    static final double RANGE = 1e9;

    private final List<VariableInstance> variables;
    private final List<Diagnostic> errors = new ArrayList<>();
    private double smallest = Double.POSITIVE_INFINITY;
    private double largest = 0;

    private FiniteData(List<VariableInstance> variables) {
        this.variables = variables;
    }

    /** Errors first, then at most one scaling warning; empty when every number is usable. */
    static List<Diagnostic> findings(List<VariableInstance> variables, GroundExpr objective, List<GroundConstraint> constraints) {
        FiniteData check = new FiniteData(variables);
        for (VariableInstance variable : variables) check.bounds(variable);
        if (objective != null) check.expression(objective, "objective", "objective", true);
        for (GroundConstraint constraint : constraints) check.constraint(constraint);
        List<Diagnostic> findings = new ArrayList<>(check.errors);
        if (check.errors.isEmpty() && check.largest > 0 && check.largest / check.smallest > RANGE) {
            findings.add(Diagnostic.warning("data.scaling", "formulation", null, "the model is badly scaled: coefficients range from "
                    + Value.format(check.smallest) + " to " + Value.format(check.largest) + " (more than 1e9 apart), so the solver's tolerances may accept a wrong answer or reject a right one; rescale units"));
        }
        return findings;
    }

    private void bounds(VariableInstance variable) {
        String element = "variable " + variable.block();
        boundValue(element, "lower", variable, variable.lower(), Double.POSITIVE_INFINITY);
        boundValue(element, "upper", variable, variable.upper(), Double.NEGATIVE_INFINITY);
    }

    /** An infinite bound on its own side means "no bound"; on the other side, NaN or huge, it is an error. */
    private void boundValue(String element, String field, VariableInstance variable, double value, double wrongInfinity) {
        if (Double.isInfinite(value) && value != wrongInfinity) return;
        if (Double.isNaN(value) || value == wrongInfinity || Math.abs(value) > LIMIT) {
            error(element, field, variable.label(), "its " + field + " bound is " + Value.format(value),
                    "a finite bound within ±1e15" + ", or \"" + (field.equals("lower") ? "-inf" : "inf")
                            + "\" for none");
        }
    }

    private void constraint(GroundConstraint constraint) {
        String element = "constraint " + constraint.family();
        expression(constraint.body(), element, constraint.label(), false);
        side(element, constraint.label(), "lower", constraint.lower(), Double.NEGATIVE_INFINITY);
        side(element, constraint.label(), "upper", constraint.upper(), Double.POSITIVE_INFINITY);
    }

    private void side(String element, String instance, String which, double value, double noLimit) {
        if (value == noLimit) return;
        if (!Double.isFinite(value) || Math.abs(value) > LIMIT) {
            error(element, "expression", instance, "its right-hand side (" + which + " limit) is " + Value.format(value),
                    "data whose arithmetic stays finite and within ±1e15");
        }
    }

    /** The constant, every linear coefficient, and recursively the data inside every nonlinear atom. */
    private void expression(GroundExpr expr, String element, String instance, boolean checkConstant) {
        if (checkConstant) number(element, instance, "its constant term", expr.constant(), false);
        int[] vars = expr.linearVariables();
        double[] coefs = expr.linearCoefficients();
        for (int k = 0; k < vars.length; k++) {
            number(element, instance, "the coefficient of " + variables.get(vars[k]).label(), coefs[k], true);
        }
        for (GroundExpr.Scaled term : expr.nonlinearTerms()) {
            number(element, instance, "the coefficient of a nonlinear term", term.coef(), true);
            // Atoms nest at most GroundExpr.MAX_NESTING deep, so this recursion is bounded.
            for (GroundExpr argument : term.atom().arguments()) expression(argument, element, instance, true);
        }
    }

    private void number(String element, String instance, String what, double value, boolean coefficient) {
        if (!Double.isFinite(value) || Math.abs(value) > LIMIT) {
            error(element, "expression", instance, what + " is " + Value.format(value),
                    "data whose arithmetic stays finite and within ±1e15");
            return;
        }
        if (coefficient && value != 0) {
            smallest = Math.min(smallest, Math.abs(value));
            largest = Math.max(largest, Math.abs(value));
        }
    }

    private void error(String element, String field, String instance, String what, String expected) {
        if (errors.size() >= 20) return; // one family of bad data can have millions of instances
        errors.add(Diagnostic.error("data.non-finite", element, field, -1, "at " + instance + ", " + what
                + (errors.size() == 19 ? " (further findings omitted)" : "")).expecting(expected));
    }
}

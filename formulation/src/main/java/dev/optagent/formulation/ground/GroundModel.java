package dev.optagent.formulation.ground;

import dev.optagent.formulation.Diagnostic;
import dev.optagent.formulation.Formulation;
import dev.optagent.formulation.Sense;

import java.util.List;
import java.util.Map;

/**
 * A formulation instantiated over its data: every variable instance with its bounds, the objective and
 * every constraint instance as grounded algebra. This is what evaluators, classifiers, renderers and
 * solver compilers work on.
 *
 * @param sense     null for a feasibility problem
 * @param objective null for a feasibility problem
 * @param warnings  non-fatal findings (unused data, strict inequalities, runaway directions)
 */
public record GroundModel(
        Formulation formulation,
        Map<String, IndexSet> sets,
        Map<String, ParameterTable> parameters,
        Map<String, VariableBlock> blocks,
        List<VariableInstance> variables,
        Sense sense,
        GroundExpr objective,
        List<GroundConstraint> constraints,
        List<Diagnostic> warnings) {

    public GroundModel {
        sets = Map.copyOf(sets);
        parameters = Map.copyOf(parameters);
        blocks = Map.copyOf(blocks);
        variables = List.copyOf(variables);
        constraints = List.copyOf(constraints);
        warnings = List.copyOf(warnings);
    }

    /** Grounds a formulation, throwing a {@link dev.optagent.formulation.FormulationException} with every error found. */
    public static GroundModel of(Formulation formulation) {
        return Grounder.ground(formulation);
    }

    /** The same model with other constraint instances (diagnosis drops and restores them). */
    public GroundModel withConstraints(List<GroundConstraint> newConstraints) {
        return new GroundModel(formulation, sets, parameters, blocks, variables, sense, objective, newConstraints, warnings);
    }

    /** The feasibility version of this model: same constraints, no objective. */
    public GroundModel withoutObjective() {
        return new GroundModel(formulation, sets, parameters, blocks, variables, null, null, constraints, warnings);
    }

    /** The same constraints under another objective (a fractional objective is solved as a sequence of these). */
    public GroundModel withObjective(Sense newSense, GroundExpr newObjective) {
        return new GroundModel(formulation, sets, parameters, blocks, variables, newSense, newObjective, constraints, warnings);
    }

    /** The same model with other variable bounds (same instances, same order). */
    public GroundModel withVariables(List<VariableInstance> newVariables) {
        return new GroundModel(formulation, sets, parameters, blocks, newVariables, sense, objective, constraints, warnings);
    }

    public boolean hasObjective() {
        return objective != null;
    }

    public int variableCount() {
        return variables.size();
    }

    public VariableInstance variable(int index) {
        return variables.get(index);
    }

    /** Objective value (0 for a feasibility problem) at the given values. */
    public double objectiveValue(double[] values) {
        return objective == null ? 0 : objective.evaluate(values);
    }

    /** Variable instances that occur in the objective or any constraint (others can sit at any bound). */
    public boolean[] usedVariables() {
        boolean[] used = new boolean[variables.size()];
        if (objective != null) objective.forEachVariable(v -> used[v] = true);
        for (GroundConstraint constraint : constraints) {
            constraint.body().forEachVariable(v -> used[v] = true);
            if (constraint.isIndicator()) used[constraint.indicatorVariable()] = true;
        }
        return used;
    }
}

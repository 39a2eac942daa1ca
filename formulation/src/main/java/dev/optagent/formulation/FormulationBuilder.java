package dev.optagent.formulation;

import dev.optagent.formulation.ground.GroundModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a formulation in code, without Jackson nodes:
 *
 * <pre>{@code
 * Formulation f = Formulation.builder("bakery")
 *         .set(SetDecl.of("Products", "bread", "muffins"))
 *         .parameter(ParameterDecl.indexed("profit", List.of("Products"), Map.of("bread", 3.2, "muffins", 4.5)))
 *         .parameter(ParameterDecl.scalar("flour", 60))
 *         .variable(VariableDecl.of("make", List.of("Products"), VariableType.INTEGER))
 *         .maximize("sum(profit[p] * make[p] for p in Products)")
 *         .constraint(ConstraintDecl.of("flour_available", null, "sum(0.5 * make[p] for p in Products) <= flour"))
 *         .build();
 * }</pre>
 *
 * {@link #build()} checks the model exactly as a JSON document is checked before it is solved (names, indices,
 * data shapes, expressions) and throws a {@link FormulationException} with every finding at once.
 */
public final class FormulationBuilder {

    private final String name;
    private String description;
    private final List<SetDecl> sets = new ArrayList<>();
    private final List<ParameterDecl> parameters = new ArrayList<>();
    private final List<VariableDecl> variables = new ArrayList<>();
    private Objective objective;
    private final List<ConstraintDecl> constraints = new ArrayList<>();
    private final List<String> assumptions = new ArrayList<>();

    FormulationBuilder(String name) {
        this.name = name;
    }

    public FormulationBuilder description(String text) {
        this.description = text;
        return this;
    }

    public FormulationBuilder set(SetDecl set) {
        sets.add(set);
        return this;
    }

    public FormulationBuilder parameter(ParameterDecl parameter) {
        parameters.add(parameter);
        return this;
    }

    public FormulationBuilder variable(VariableDecl variable) {
        variables.add(variable);
        return this;
    }

    public FormulationBuilder minimize(String expression) {
        objective = Objective.minimize(expression);
        return this;
    }

    public FormulationBuilder maximize(String expression) {
        objective = Objective.maximize(expression);
        return this;
    }

    /** A pure feasibility problem: any solution that satisfies the constraints. */
    public FormulationBuilder feasible() {
        objective = Objective.feasible();
        return this;
    }

    public FormulationBuilder objective(Objective newObjective) {
        objective = newObjective;
        return this;
    }

    public FormulationBuilder constraint(ConstraintDecl constraint) {
        constraints.add(constraint);
        return this;
    }

    public FormulationBuilder assumption(String text) {
        assumptions.add(text);
        return this;
    }

    /** The formulation, checked as a JSON one is; throws {@link FormulationException} listing every problem. */
    public Formulation build() {
        Formulation formulation = new Formulation(name, description, sets, parameters, variables, objective, constraints, assumptions);
        GroundModel.of(formulation);
        return formulation;
    }
}

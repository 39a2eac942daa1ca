package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Optional;

/**
 * The five-element formulation (Sets, Parameters, Variables, Objective, Constraints): the declarative
 * contract the LLM writes and users edit. Immutable; read and written with {@link FormulationJson}.
 *
 * <p>{@code assumptions} are the readings the modeller chose where the problem is silent or ambiguous (a
 * missing cost, "more than" read as "at least"); they travel with the model so an answer that rests on them
 * says so instead of passing an invented number off as given data.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "description", "assumptions", "sets", "parameters", "variables", "objective", "objectives", "constraints", "scenarios"})
public record Formulation(
        String name,
        String description,
        List<SetDecl> sets,
        List<ParameterDecl> parameters,
        List<VariableDecl> variables,
        Objective objective,
        List<ConstraintDecl> constraints,
        List<String> assumptions,
        List<Goal> objectives,
        List<Scenario> scenarios) {

    public Formulation {
        scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
        objectives = objectives == null ? List.of() : List.copyOf(objectives);
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        sets = sets == null ? List.of() : List.copyOf(sets);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        variables = variables == null ? List.of() : List.copyOf(variables);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A formulation without scenarios. */
    public Formulation(String name, String description, List<SetDecl> sets, List<ParameterDecl> parameters,
                       List<VariableDecl> variables, Objective objective, List<ConstraintDecl> constraints, List<String> assumptions,
                       List<Goal> objectives) {
        this(name, description, sets, parameters, variables, objective, constraints, assumptions, objectives, List.of());
    }

    /** A formulation with at most one objective (no lexicographic goals). */
    public Formulation(String name, String description, List<SetDecl> sets, List<ParameterDecl> parameters,
                       List<VariableDecl> variables, Objective objective, List<ConstraintDecl> constraints, List<String> assumptions) {
        this(name, description, sets, parameters, variables, objective, constraints, assumptions, List.of());
    }

    /** A formulation that states no assumptions. */
    public Formulation(String name, String description, List<SetDecl> sets, List<ParameterDecl> parameters,
                       List<VariableDecl> variables, Objective objective, List<ConstraintDecl> constraints) {
        this(name, description, sets, parameters, variables, objective, constraints, List.of());
    }

    /** Writes a formulation in code; {@link FormulationBuilder#build()} validates it as JSON input is validated. */
    public static FormulationBuilder builder(String name) {
        return new FormulationBuilder(name);
    }

    public Optional<SetDecl> set(String setName) {
        return sets.stream().filter(s -> s.name().equals(setName)).findFirst();
    }

    public Optional<ParameterDecl> parameter(String parameterName) {
        return parameters.stream().filter(p -> p.name().equals(parameterName)).findFirst();
    }

    public Optional<VariableDecl> variable(String variableName) {
        return variables.stream().filter(v -> v.name().equals(variableName)).findFirst();
    }

    public Optional<ConstraintDecl> constraint(String constraintName) {
        return constraints.stream().filter(c -> c.name().equals(constraintName)).findFirst();
    }

    /** A copy with one constraint added, replaced or removed; the way conversations change a model. */
    public Formulation withConstraints(List<ConstraintDecl> newConstraints) {
        return new Formulation(name, description, sets, parameters, variables, objective, newConstraints, assumptions, objectives, scenarios);
    }

    public Formulation withObjective(Objective newObjective) {
        return new Formulation(name, description, sets, parameters, variables, newObjective, constraints, assumptions, objectives, scenarios);
    }

    /** True when the objective is a list of goals in priority order ({@code "objectives"}). */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isLexicographic() {
        return !objectives.isEmpty();
    }

    /** The base model alone, without its scenarios. */
    public Formulation base() {
        return scenarios.isEmpty() ? this : new Formulation(name, description, sets, parameters, variables, objective, constraints,
                assumptions, objectives, List.of());
    }

    /** Scenario k applied to the base model; unknown names in it are a {@link FormulationException}. */
    public Formulation scenario(int k) {
        return scenarios.get(k).applyTo(base());
    }

    /** What LP/MPS can hold: the model itself, or for a lexicographic one its first goal as the objective. */
    public Formulation exportable() {
        return isLexicographic() ? stage(0) : this;
    }

    /** Stage k of a lexicographic solve: goal k as the one objective, the goal list dropped. */
    public Formulation stage(int k) {
        return new Formulation(name, description, sets, parameters, variables, objectives.get(k).asObjective(), constraints, assumptions, List.of(), List.of());
    }
}

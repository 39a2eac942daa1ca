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
@JsonPropertyOrder({"name", "description", "assumptions", "sets", "parameters", "variables", "objective", "constraints"})
public record Formulation(
        String name,
        String description,
        List<SetDecl> sets,
        List<ParameterDecl> parameters,
        List<VariableDecl> variables,
        Objective objective,
        List<ConstraintDecl> constraints,
        List<String> assumptions) {

    public Formulation {
        assumptions = assumptions == null ? List.of() : List.copyOf(assumptions);
        sets = sets == null ? List.of() : List.copyOf(sets);
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        variables = variables == null ? List.of() : List.copyOf(variables);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
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
        return new Formulation(name, description, sets, parameters, variables, objective, newConstraints, assumptions);
    }

    public Formulation withObjective(Objective newObjective) {
        return new Formulation(name, description, sets, parameters, variables, newObjective, constraints, assumptions);
    }
}

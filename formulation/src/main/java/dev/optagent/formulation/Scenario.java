package dev.optagent.formulation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named variant of the base model ("for each scenario (a), (b) and (c), find ..."): it changes only what it
 * lists, and is solved and answered on its own.
 *
 * @param parameters  parameters whose data changes: by name, with the new {@code value}, {@code values} or
 *                    {@code default} (index and unit are kept from the base unless given)
 * @param variables   variables whose bounds (or integrality) change: by name, with {@code lower}/{@code upper},
 *                    and {@code type} when it becomes integer or binary
 * @param constraints constraints added, or replacing the base constraint of the same name
 * @param drop        names of base constraints this scenario does without
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"name", "description", "parameters", "variables", "constraints", "drop"})
public record Scenario(String name, String description, List<ParameterDecl> parameters, List<VariableDecl> variables,
                       List<ConstraintDecl> constraints, List<String> drop) {

    public Scenario {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        variables = variables == null ? List.of() : List.copyOf(variables);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
        drop = drop == null ? List.of() : List.copyOf(drop);
    }

    /** The base formulation with this scenario's changes (and no scenarios of its own). */
    Formulation applyTo(Formulation base) {
        List<String> errors = new ArrayList<>();
        Map<String, ParameterDecl> parameterMap = new LinkedHashMap<>();
        base.parameters().forEach(p -> parameterMap.put(p.name(), p));
        for (ParameterDecl change : parameters) {
            ParameterDecl old = parameterMap.get(change.name());
            if (old == null) { errors.add("parameter '" + change.name() + "' is not in the base model"); continue; }
            boolean data = change.value() != null || change.values() != null;
            parameterMap.put(old.name(), new ParameterDecl(old.name(), change.description() != null ? change.description() : old.description(),
                    change.index().isEmpty() ? old.index() : change.index(),
                    data ? change.value() : old.value(), data ? change.values() : old.values(),
                    change.defaultValue() != null ? change.defaultValue() : old.defaultValue(),
                    change.unit() != null ? change.unit() : old.unit()));
        }
        Map<String, VariableDecl> variableMap = new LinkedHashMap<>();
        base.variables().forEach(v -> variableMap.put(v.name(), v));
        for (VariableDecl change : variables) {
            VariableDecl old = variableMap.get(change.name());
            if (old == null) { errors.add("variable '" + change.name() + "' is not in the base model"); continue; }
            variableMap.put(old.name(), new VariableDecl(old.name(), old.description(), old.index(),
                    change.type() != VariableType.CONTINUOUS ? change.type() : old.type(),
                    change.lower() != null ? change.lower() : old.lower(), change.upper() != null ? change.upper() : old.upper(), old.unit()));
        }
        List<ConstraintDecl> rows = new ArrayList<>();
        for (String name : drop) {
            if (base.constraint(name).isEmpty()) errors.add("constraint '" + name + "' in \"drop\" is not in the base model");
        }
        for (ConstraintDecl c : base.constraints()) {
            if (drop.contains(c.name())) continue;
            rows.add(constraints.stream().filter(n -> n.name() != null && n.name().equals(c.name())).findFirst().orElse(c));
        }
        for (ConstraintDecl c : constraints) {
            if (c.name() == null || base.constraint(c.name()).isEmpty()) rows.add(c);
        }
        if (!errors.isEmpty()) {
            throw new FormulationException(errors.stream().map(m -> Diagnostic.error("scenario.unknown", "scenario " + name, null, -1, m)).toList());
        }
        return new Formulation(base.name(), base.description(), base.sets(), List.copyOf(parameterMap.values()),
                List.copyOf(variableMap.values()), base.objective(), rows, base.assumptions(), base.objectives(), List.of());
    }
}

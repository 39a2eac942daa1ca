package dev.optagent.workflow;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.StageKnobs;
import dev.optagent.agent.check.FindingPolicy;
import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptSource;
import dev.optagent.agent.workflow.AgentWorkflow;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import dev.optagent.workflow.param.ParameterType;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static dev.optagent.workflow.param.ParameterRegistry.*;

/**
 * A workflow: one value for every parameter of the {@link ParameterRegistry}, with a name and a description.
 * Immutable and always valid (built through {@link #of} or {@link #with}, which check every constraint).
 *
 * @param values every parameter's value, in registry order
 * @param notes  free-form provenance (how it was made: trainer, validation score, parent checksum)
 */
public record Workflow(String name, String description, Map<String, Object> values, Map<String, Object> notes) {

    public Workflow {
        Objects.requireNonNull(name);
        description = description == null ? "" : description;
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
        notes = notes == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(notes));
    }

    /** Today's hand-tuned workflow: exactly {@link AgentConfig#defaults()} and the versioned prompts. */
    public static Workflow defaults() {
        return new Workflow("default", "The hand-tuned workflow (AgentConfig.defaults() and the versioned prompts).",
                ParameterRegistry.defaults().defaultValues(), Map.of());
    }

    /**
     * A workflow from raw values (a file's, a person's): missing parameters take their defaults; unknown
     * names, unreadable values and broken constraints are errors, all reported at once.
     */
    public static Workflow of(String name, String description, Map<String, ?> raw, Map<String, Object> notes) {
        List<String> errors = new ArrayList<>();
        Map<String, Object> values = ParameterRegistry.defaults().defaultValues();
        for (Map.Entry<String, ?> entry : raw.entrySet()) {
            var parameter = ParameterRegistry.defaults().get(entry.getKey());
            if (parameter.isEmpty()) {
                errors.add("unknown parameter '" + entry.getKey() + "'");
                continue;
            }
            check(parameter.get(), entry.getValue()).ifPresentOrElse(errors::add,
                    () -> values.put(entry.getKey(), parameter.get().coerce(entry.getValue()).orElseThrow()));
        }
        if (!errors.isEmpty()) throw new WorkflowException(errors);
        return new Workflow(name, description, values, notes);
    }

    /** Why a raw value is not allowed for a parameter (unreadable or against a constraint), or empty. */
    static java.util.Optional<String> check(Parameter parameter, Object raw) {
        var value = parameter.coerce(raw);
        if (value.isEmpty()) return java.util.Optional.of(parameter.name() + ": '" + abbreviate(String.valueOf(raw)) + "' is not a "
                + parameter.type().name().toLowerCase(java.util.Locale.ROOT));
        return parameter.violation(value.get());
    }

    /** This workflow with some values changed; every change is validated first. */
    public Workflow with(Map<String, ?> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(values);
        merged.putAll(changes);
        return of(name, description, merged, notes);
    }

    public Workflow named(String newName, String newDescription, Map<String, Object> newNotes) {
        return new Workflow(newName, newDescription, values, newNotes);
    }

    public Object value(String parameter) {
        Object value = values.get(parameter);
        if (value == null) throw new IllegalArgumentException("no parameter '" + parameter + "'");
        return value;
    }

    /** The parameters whose value differs from {@code other}'s. */
    public Set<String> changedFrom(Workflow other) {
        return values.keySet().stream().filter(k -> !Objects.equals(values.get(k), other.values.get(k)))
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    /** SHA-256 of the parameter values (sorted by name, as JSON): the same values give the same checksum. */
    public String checksum() {
        try {
            String canonical = WorkflowFile.canonical(new TreeMap<>(values));
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the agent runs: {@code base} (time limits, retries) with this workflow's knobs, prompts and policy. */
    public AgentWorkflow toAgent(AgentConfig base) {
        StageKnobs formulate = base.formulate().withTemperature(number(FORMULATE_TEMPERATURE));
        formulate = new StageKnobs(formulate.prompt(), formulate.temperature(), integer(FORMULATE_MAX_TOKENS));
        AgentConfig config = new AgentConfig(
                base.understand().withTemperature(number(UNDERSTAND_TEMPERATURE)),
                formulate,
                base.formulateFromNotes().withTemperature(number(FORMULATE_TEMPERATURE)),
                base.repair().withTemperature(number(REPAIR_TEMPERATURE)),
                base.revise(),
                (String) value(LANGUAGE),
                base.insights(),
                (Boolean) value(UNDERSTAND_SEPARATELY),
                integer(REPAIR_ROUNDS),
                integer(SAMPLES),
                number(SAMPLE_TEMPERATURE),
                (Boolean) value(REPAIR_ON_WARNINGS),
                base.solveTimeLimit(), base.maxAttempts(), base.initialBackoff(), base.callTimeout());
        Set<String> errors = new java.util.LinkedHashSet<>();
        for (String check : FindingPolicy.SEMANTIC_CHECKS) if ((Boolean) value(errorFlag(check))) errors.add(check);
        return new AgentWorkflow(name, checksum(), config, prompts(), new FindingPolicy(errors));
    }

    /** The prompt parts this workflow rewrites; a text equal to the versioned one is no override at all. */
    private PromptSource prompts() {
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        for (Parameter p : ParameterRegistry.defaults().all()) {
            if (p.type() != ParameterType.TEXT) continue;
            String text = (String) value(p.name());
            if (!text.equals(PromptLibrary.load(p.prompt()).part(p.part()))) {
                overrides.computeIfAbsent(p.prompt(), id -> new LinkedHashMap<>()).put(p.part(), text);
            }
        }
        return PromptSource.overriding(overrides);
    }

    private double number(String parameter) {
        return ((Number) value(parameter)).doubleValue();
    }

    private int integer(String parameter) {
        return ((Number) value(parameter)).intValue();
    }

    static String abbreviate(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }
}

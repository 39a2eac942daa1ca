package dev.optagent.workflow.param;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.check.FindingPolicy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every trainable parameter of the agent's workflow, with today's hand-tuned values as defaults (taken from
 * {@link AgentConfig#defaults()} and the versioned prompts, so they cannot drift apart). docs/workflow.md lists
 * them; {@code optagent workflow show --json} prints them.
 */
public final class ParameterRegistry {

    public static final String FORMULATE_INSTRUCTIONS = "formulate.instructions";
    public static final String FORMULATE_FROM_NOTES_INSTRUCTIONS = "formulate-from-notes.instructions";
    public static final String UNDERSTAND_INSTRUCTIONS = "understand.instructions";
    public static final String REPAIR_INSTRUCTIONS = "repair.instructions";
    public static final String LANGUAGE = "language";
    public static final String FORMULATE_TEMPERATURE = "formulate.temperature";
    public static final String UNDERSTAND_TEMPERATURE = "understand.temperature";
    public static final String REPAIR_TEMPERATURE = "repair.temperature";
    public static final String SAMPLE_TEMPERATURE = "samples.temperature";
    public static final String FORMULATE_MAX_TOKENS = "formulate.maxOutputTokens";
    public static final String REPAIR_ROUNDS = "repair.rounds";
    public static final String SAMPLES = "samples";
    public static final String UNDERSTAND_SEPARATELY = "understand.separately";
    public static final String REPAIR_ON_WARNINGS = "repair.onWarnings";

    private static final ParameterRegistry DEFAULT = new ParameterRegistry(AgentConfig.defaults());

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    private ParameterRegistry(AgentConfig d) {
        add(Parameter.text(FORMULATE_INSTRUCTIONS, "formulate", "System instructions of the one-call formulate stage: how to"
                + " understand the problem and write the five-element JSON (the rules, the notes on the language).", d.formulate().prompt(), "system"));
        add(Parameter.text(FORMULATE_FROM_NOTES_INSTRUCTIONS, "formulate", "System instructions of the formulate stage when"
                + " understand runs as its own call (it formulates from the notes).", d.formulateFromNotes().prompt(), "system"));
        add(Parameter.text(UNDERSTAND_INSTRUCTIONS, "understand", "System instructions of the separate understand call:"
                + " the structured notes it writes.", d.understand().prompt(), "system"));
        add(Parameter.text(REPAIR_INSTRUCTIONS, "repair", "System instructions of the repair stage: how to act on the numbered"
                + " findings, and when to keep a faithful model and give an infeasible/unbounded verdict.", d.repair().prompt(), "system"));
        add(Parameter.choice(LANGUAGE, "formulate", "Version of the formulation-language reference inserted as {{language}}"
                + " into the formulate, revise and repair prompts.", d.language(), List.of("language@1", "language@2")));
        add(Parameter.number(FORMULATE_TEMPERATURE, "formulate", "Sampling temperature of the (first) formulate call.",
                d.formulate().temperature(), 0, 1.2));
        add(Parameter.number(UNDERSTAND_TEMPERATURE, "understand", "Sampling temperature of the separate understand call.",
                d.understand().temperature(), 0, 1.2));
        add(Parameter.number(REPAIR_TEMPERATURE, "repair", "Sampling temperature of each repair call.", d.repair().temperature(), 0, 1.2));
        add(Parameter.number(SAMPLE_TEMPERATURE, "formulate", "Temperature of the extra self-consistency samples.",
                d.sampleTemperature(), 0, 1.5));
        add(Parameter.integer(FORMULATE_MAX_TOKENS, "formulate", "Output token budget of the formulate call.",
                d.formulate().maxOutputTokens(), 2000, 16000));
        add(Parameter.integer(REPAIR_ROUNDS, "repair", "Bound on self-correction rounds per sample.", d.repairRounds(), 0, 6));
        add(Parameter.integer(SAMPLES, "vote", "Self-consistency samples per problem (1 = off); the vote picks the answer.",
                d.samples(), 1, 7));
        add(Parameter.flag(UNDERSTAND_SEPARATELY, "understand", "Run understand as its own LLM call before formulating"
                + " (else the one formulate call writes the understanding too).", d.understandSeparately()));
        add(Parameter.flag(REPAIR_ON_WARNINGS, "check", "Also repair when the checks found only suspicions (warnings).",
                d.repairOnWarnings()));
        for (String check : FindingPolicy.SEMANTIC_CHECKS) {
            add(Parameter.flag(errorFlag(check), "check", "Treat the '" + check + "' semantic check as an error (the answer"
                    + " is refused and repaired) instead of a warning.", false));
        }
    }

    public static ParameterRegistry defaults() {
        return DEFAULT;
    }

    /** {@code check.integrality.error}: the flag that makes a semantic check an error. */
    public static String errorFlag(String check) {
        return "check." + check + ".error";
    }

    private void add(Parameter parameter) {
        parameters.put(parameter.name(), parameter);
    }

    public List<Parameter> all() {
        return List.copyOf(parameters.values());
    }

    public Optional<Parameter> get(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    /** The parameters a stage reads: what a trace node of that stage depends on. */
    public List<Parameter> readBy(String stage) {
        List<Parameter> read = new ArrayList<>();
        for (Parameter p : parameters.values()) if (p.stage().equals(stage)) read.add(p);
        return read;
    }

    /** The default value of every parameter, in registry order. */
    public Map<String, Object> defaultValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.values().forEach(p -> values.put(p.name(), p.defaultValue()));
        return values;
    }
}

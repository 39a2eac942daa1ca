package dev.optagent.app.cli;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.llm.ChatModels;
import picocli.CommandLine.Option;

import java.time.Duration;

/** The agent's knobs as command-line options, shared by {@code solve} and {@code eval} (a picocli mixin). */
final class AgentOptions {

    @Option(names = "--samples", defaultValue = "1", description = "Self-consistency samples. Default: ${DEFAULT-VALUE}.")
    int samples;

    @Option(names = "--repair-rounds", defaultValue = "3", description = "Self-correction rounds. Default: ${DEFAULT-VALUE}.")
    int repairRounds;

    @Option(names = "--understand", description = "Run the understand stage as its own call (ORThought style) before formulating.")
    boolean understand;

    @Option(names = "--time-limit", defaultValue = "60", description = "Solver seconds per solve. Default: ${DEFAULT-VALUE}.")
    double timeLimit;

    @Option(names = "--formulate-prompt", description = "Formulate prompt id, e.g. formulate@5 (ranked goals). Default: the measured default.")
    String formulatePrompt;

    @Option(names = "--language-prompt", description = "Language reference id, e.g. language@3 (adds \"objectives\"). Default: the measured default.")
    String languagePrompt;

    @Option(names = "--library", paramLabel = "FILE|none|default|JDBC_URL",
            description = "Experience library: a JSON file, a jdbc:postgresql:// URL, 'default' (shipped) or 'none'. Default: $OPTAGENT_LIBRARY or the shipped one.")
    String library;

    @Option(names = "--insights-prompt", defaultValue = "insights@1",
            description = "How retrieved insights are shown: insights@1 (lessons) or insights@2 (with conditions; the model names those it applied). Default: ${DEFAULT-VALUE}.")
    String insightsPrompt;

    /** The defaults with these options and the model-call timeout from {@code OPTAGENT_LLM_TIMEOUT}. */
    AgentConfig config() {
        AgentConfig defaults = AgentConfig.defaults();
        AgentConfig config = defaults.withRetries(defaults.maxAttempts(), defaults.initialBackoff(), ChatModels.timeout(System.getenv()))
                .withSamples(samples).withRepairRounds(repairRounds).withUnderstandSeparately(understand)
                .withSolveTimeLimit(Duration.ofMillis((long) (timeLimit * 1000))).withInsights(insightsPrompt);
        if (formulatePrompt != null) config = config.withFormulatePrompt(formulatePrompt);
        if (languagePrompt != null) config = config.withLanguage(languagePrompt);
        return config;
    }
}

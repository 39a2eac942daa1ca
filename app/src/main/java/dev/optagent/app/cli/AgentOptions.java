package dev.optagent.app.cli;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.llm.ChatModels;
import dev.optagent.agent.workflow.AgentWorkflow;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowFile;
import dev.optagent.workflow.param.ParameterRegistry;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** The agent's knobs as command-line options, shared by {@code solve} and {@code eval} (a picocli mixin). */
final class AgentOptions {

    @Option(names = "--workflow", paramLabel = "WF.json", defaultValue = "${env:OPTAGENT_WORKFLOW}",
            description = "Run this workflow file (see 'optagent workflow'); default: $OPTAGENT_WORKFLOW, else the built-in workflow.")
    Path workflow;

    @Option(names = "--samples", description = "Self-consistency samples. Default: 1, or the workflow's.")
    Integer samples;

    @Option(names = "--repair-rounds", description = "Self-correction rounds. Default: 3, or the workflow's.")
    Integer repairRounds;

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
            description = "How retrieved insights are shown: insights@1 (lessons), insights@2 (with conditions; the model names those it applied) or insights@3 (a separate applicability check call first). Default: ${DEFAULT-VALUE}.")
    String insightsPrompt;

    /** What is not part of a workflow: retries, the model-call timeout from {@code OPTAGENT_LLM_TIMEOUT}, the solver time limit. */
    AgentConfig base() {
        AgentConfig config = CliModel.config().withSolveTimeLimit(Duration.ofMillis((long) (timeLimit * 1000))).withInsights(insightsPrompt);
        if (formulatePrompt != null) config = config.withFormulatePrompt(formulatePrompt);
        if (languagePrompt != null) config = config.withLanguage(languagePrompt);
        return config;
    }

    /**
     * The workflow to run: the file's (or the built-in one), with the knobs given on the command line applied as
     * changes, so they are validated and the checksum names what actually ran.
     */
    Workflow workflow() {
        Workflow chosen = workflow == null ? Workflow.defaults() : WorkflowFile.read(workflow);
        Map<String, Object> changes = new LinkedHashMap<>();
        if (samples != null) changes.put(ParameterRegistry.SAMPLES, samples);
        if (repairRounds != null) changes.put(ParameterRegistry.REPAIR_ROUNDS, repairRounds);
        if (understand) changes.put(ParameterRegistry.UNDERSTAND_SEPARATELY, true);
        Workflow changed = chosen.with(changes);
        return changed.changedFrom(chosen).isEmpty() ? chosen
                : changed.named(chosen.name() + "+options", chosen.description(), chosen.notes());
    }

    AgentWorkflow agentWorkflow() {
        return workflow().toAgent(base());
    }
}

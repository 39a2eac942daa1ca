package dev.optagent.workflow.optoprime;

import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.graph.OperationNode;
import dev.optagent.workflow.graph.RunGraph;
import dev.optagent.workflow.param.Parameter;
import dev.optagent.workflow.param.ParameterRegistry;
import dev.optagent.workflow.param.ParameterType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Builds the OptoPrime prompt for a minibatch of runs: the subgraphs in the sections #Code #Documentation
 * #Variables #Constraints #Inputs #Others #Outputs #Feedback (prompt {@code optoprime@1}), summarised until the
 * whole prompt fits the context budget: texts are shortened level by level, then correct runs are left out, then
 * wrong runs beyond what fits (counted, never silently).
 */
public final class OptoPrime {

    public static final String PROMPT = "optoprime@1";
    /** Character limits per detail level: problem text, each intermediate output, each finding, findings per node. */
    private static final int[][] LEVELS = {{4000, 3000, 400, 12}, {1500, 900, 240, 6}, {600, 400, 160, 4}, {240, 0, 120, 2}};

    private final ContextBudget budget;
    private final List<String> trainable;

    /** @param trainable the parameters the optimizer may change (shown in #Variables) */
    public OptoPrime(ContextBudget budget, List<String> trainable) {
        this.budget = budget;
        this.trainable = List.copyOf(trainable);
    }

    public List<String> trainable() {
        return trainable;
    }

    public OptimizerPrompt prompt(Workflow workflow, List<RunGraph> runs, List<MemoryEntry> memory) {
        PromptTemplate template = PromptLibrary.load(PROMPT);
        String system = template.render("system", Map.of());
        String variables = variables(workflow);
        String constraints = constraints();
        String documentation = template.part("documentation");
        List<RunGraph> wrongFirst = new ArrayList<>(runs.stream().filter(r -> !r.feedback().correct()).toList());
        List<RunGraph> correct = runs.stream().filter(r -> r.feedback().correct()).toList();
        OptimizerPrompt last = null;
        for (int level = 0; level < LEVELS.length; level++) {
            List<RunGraph> shown = new ArrayList<>(wrongFirst);
            shown.addAll(correct);
            last = render(template, system, documentation, variables, constraints, shown, runs.size(), memory, level);
            if (budget.fits(last.estimatedTokens())) return last;
        }
        // Still too large: correct runs are counted only, then wrong runs are dropped from the end until it fits.
        int top = LEVELS.length - 1;
        List<RunGraph> shown = new ArrayList<>(wrongFirst);
        while (true) {
            last = render(template, system, documentation, variables, constraints, shown, runs.size(), memory, top);
            if (budget.fits(last.estimatedTokens()) || shown.isEmpty()) break;
            shown.removeLast();
        }
        if (!budget.fits(last.estimatedTokens())) {
            throw new IllegalArgumentException("the optimizer's prompt needs " + last.estimatedTokens() + " tokens without any run;"
                    + " raise the context budget (now " + budget.maxTokens() + ") or train fewer text parameters");
        }
        return last;
    }

    private OptimizerPrompt render(PromptTemplate template, String system, String documentation, String variables, String constraints,
                                   List<RunGraph> shown, int total, List<MemoryEntry> memory, int level) {
        int[] limit = LEVELS[level];
        StringBuilder code = new StringBuilder();
        StringBuilder inputs = new StringBuilder();
        StringBuilder others = new StringBuilder();
        StringBuilder outputs = new StringBuilder();
        StringBuilder feedback = new StringBuilder();
        for (int k = 0; k < shown.size(); k++) {
            RunGraph run = shown.get(k);
            String tag = "[run " + (k + 1) + ": " + run.problemId() + "]";
            code.append(tag).append('\n');
            for (OperationNode node : run.nodes()) code.append(node.code()).append('\n');
            inputs.append(tag).append(" problem = ").append(shorten(run.problem(), limit[0])).append("\n\n");
            if (limit[1] > 0 || limit[3] > 0) {
                others.append(tag).append('\n');
                for (OperationNode node : run.nodes()) {
                    if (limit[1] > 0 && !node.output().isBlank()) {
                        others.append(node.id()).append(" = ").append(shorten(node.output(), limit[1])).append('\n');
                    }
                    List<String> findings = node.findings();
                    for (int f = 0; f < Math.min(findings.size(), limit[3]); f++) {
                        others.append(node.id()).append(".findings[").append(f + 1).append("] = ").append(shorten(findings.get(f), limit[2])).append('\n');
                    }
                    if (findings.size() > limit[3]) others.append(node.id()).append(".findings: ").append(findings.size() - limit[3]).append(" more\n");
                }
                others.append('\n');
            }
            outputs.append(tag).append(' ').append(run.feedback().status())
                    .append(run.feedback().predicted() == null ? "" : " objective " + run.feedback().predicted()).append('\n');
            feedback.append(tag).append(' ').append(run.feedback().describe()).append('\n');
        }
        long wrong = shown.stream().filter(r -> !r.feedback().correct()).count();
        feedback.insert(0, "Batch: " + total + " runs, " + shown.size() + " shown" + (total > shown.size() ? " (" + (total - shown.size())
                + " left out to fit the context; they are counted in the scores below)" : "") + ", " + wrong + " of the shown runs wrong.\n");
        if (!memory.isEmpty()) {
            feedback.append("\nEarlier candidates (validation scores):\n");
            memory.forEach(m -> feedback.append("- ").append(m.describe()).append('\n'));
        }
        String user = template.render("user", Map.of("code", code.toString().strip(), "documentation", documentation,
                "variables", variables, "constraints", constraints, "inputs", inputs.toString().strip(), "others",
                others.isEmpty() ? "(left out to fit the context)" : others.toString().strip(), "outputs", outputs.toString().strip(),
                "feedback", feedback.toString().strip()));
        return new OptimizerPrompt(system, user, level, shown.size(), total - shown.size(),
                ContextBudget.estimate(system) + ContextBudget.estimate(user));
    }

    private String variables(Workflow workflow) {
        StringBuilder out = new StringBuilder();
        for (String name : trainable) {
            Parameter p = ParameterRegistry.defaults().get(name).orElseThrow();
            Object value = workflow.value(name);
            out.append("(").append(p.type().name().toLowerCase(java.util.Locale.ROOT)).append(") ").append(name).append(" — ")
                    .append(p.description()).append('\n');
            if (p.type() == ParameterType.TEXT) out.append("<<<\n").append(value).append("\n>>>\n");
            else out.append("value = ").append(value).append('\n');
        }
        return out.toString().strip();
    }

    private String constraints() {
        StringBuilder out = new StringBuilder();
        for (String name : trainable) {
            out.append(name).append(": ").append(ParameterRegistry.defaults().get(name).orElseThrow().constraint()).append('\n');
        }
        return out.toString().strip();
    }

    private static String shorten(String text, int limit) {
        String flat = text == null ? "" : text.strip();
        if (flat.length() <= limit) return flat;
        int keep = Math.max(0, limit - 40);
        return flat.substring(0, keep) + " … [" + (flat.length() - keep) + " characters left out]";
    }
}

package dev.optagent.library.learn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.llm.JsonReply;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.llm.LlmExchange;
import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.agent.trace.StageRecord;
import dev.optagent.datasets.Problem;
import dev.optagent.formulation.FormulationJson;
import dev.optagent.library.model.Example;
import dev.optagent.library.model.SeedTaxonomy;
import dev.optagent.library.model.Taxonomy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The model calls of learning: diagnosis of a failure into proposals ({@code diagnose@1}), the merge of two insights
 * ({@code merge-insights@1}) and condition rewrites ({@code refine-condition@1}). Every call is charged to the budget.
 */
public final class Diagnoser {

    private final LlmClient llm;
    private final Budget budget;
    private final String diagnosePrompt;
    private final String language;

    public Diagnoser(LlmClient llm, Budget budget) {
        this(llm, budget, "diagnose@1", "language@2");
    }

    public Diagnoser(LlmClient llm, Budget budget, String diagnosePrompt, String language) {
        this.llm = llm;
        this.budget = budget;
        this.diagnosePrompt = diagnosePrompt;
        this.language = language;
    }

    public Diagnosis diagnose(Problem task, AgentResult failed, AgentResult correct, int max) {
        SeedTaxonomy seed = SeedTaxonomy.builtIn();
        List<String> labels = new ArrayList<>();
        seed.tracks().forEach(track -> labels.add(track + ": " + String.join(", ", seed.labels(track))));
        Map<String, String> values = Map.of(
                "language", PromptLibrary.load(language).part("text"),
                "max", String.valueOf(max),
                "tracks", String.join(", ", seed.tracks()),
                "labels", String.join("; ", labels),
                "problem", task.question(),
                "failed", formulationText(failed),
                "outcome", outcome(failed),
                "gold", task.answer() == null ? "none: the problem has no optimal solution (infeasible or unbounded)" : String.valueOf(task.answer()),
                "correct", correct == null ? "No sample reached the gold value." : "A correct formulation (reached the gold value):\n" + formulationText(correct));
        JsonNode reply = ask(diagnosePrompt, values).orElse(null);
        if (reply == null) return new Diagnosis("the diagnosis reply had no JSON object", List.of(), null);
        List<Proposal> proposals = new ArrayList<>();
        for (JsonNode node : reply.path("insights")) {
            proposal(node).ifPresent(proposals::add);
            if (proposals.size() == max) break;
        }
        JsonNode corrected = reply.path("corrected");
        return new Diagnosis(reply.path("rootCause").asText(""), proposals, corrected.isObject() ? corrected.toString() : null);
    }

    /** A merged condition/explanation/example for two insights; empty when the reply is unusable. */
    public Optional<JsonNode> merge(String a, String b) {
        return ask("merge-insights@1", Map.of("a", a, "b", b)).filter(node -> node.hasNonNull("condition") && node.hasNonNull("explanation"));
    }

    public List<String> rewrites(String insight, String positives, String negatives, int variants) {
        List<String> conditions = new ArrayList<>();
        ask("refine-condition@1", Map.of("insight", insight, "positives", positives, "negatives", negatives, "variants", String.valueOf(variants)))
                .ifPresent(node -> node.path("conditions").forEach(c -> {
                    if (c.isTextual() && !c.asText().isBlank()) conditions.add(c.asText().strip());
                }));
        return conditions;
    }

    private Optional<JsonNode> ask(String promptId, Map<String, String> values) {
        PromptTemplate prompt = PromptLibrary.load(promptId);
        LlmExchange exchange = llm.chat(prompt.render("system", values), prompt.render("user", values), 0, 8000);
        budget.spend(exchange.attempts(), exchange.inputTokens(), exchange.outputTokens());
        return JsonReply.extract(exchange.reply());
    }

    static Optional<Proposal> proposal(JsonNode node) {
        String condition = node.path("condition").asText("").strip();
        String explanation = node.path("explanation").asText("").strip();
        JsonNode t = node.path("taxonomy");
        if (condition.isEmpty() || explanation.isEmpty() || !t.isObject()) return Optional.empty();
        Taxonomy taxonomy = new Taxonomy(t.path("stage").asText("formulate"), t.path("level1").asText(""), t.path("level2").asText(""));
        if (taxonomy.level2().isBlank()) return Optional.empty();
        JsonNode e = node.path("example");
        Example example = e.isObject() ? new Example(text(e.path("wrong")), text(e.path("right"))) : null;
        return Optional.of(new Proposal(taxonomy, condition, explanation, example));
    }

    private static String text(JsonNode node) {
        return node.isMissingNode() || node.isNull() ? null : node.isTextual() ? node.asText() : node.toString();
    }

    /** The formulation a run ended with: its result's, else the last one checked, else the last reply. */
    static String formulationText(AgentResult result) {
        if (result.formulation() != null) return FormulationJson.write(result.formulation());
        List<StageRecord> trace = result.trace();
        for (int k = trace.size() - 1; k >= 0; k--) {
            StageRecord record = trace.get(k);
            if ("check".equals(record.stage()) && record.reply() != null) return record.reply();
        }
        for (int k = trace.size() - 1; k >= 0; k--) if (trace.get(k).reply() != null) return trace.get(k).reply();
        return "(no formulation was produced)";
    }

    static String outcome(AgentResult result) {
        StringBuilder text = new StringBuilder(String.valueOf(result.status()));
        if (result.objective() != null) text.append(", objective ").append(result.objective());
        if (result.message() != null) text.append("; ").append(result.message());
        List<StageRecord> trace = result.trace();
        for (int k = trace.size() - 1; k >= 0; k--) {
            if ("check".equals(trace.get(k).stage()) && !trace.get(k).feedback().isEmpty()) {
                text.append("; last findings: ").append(String.join(" | ", trace.get(k).feedback().stream().limit(5).toList()));
                break;
            }
        }
        return text.toString();
    }
}

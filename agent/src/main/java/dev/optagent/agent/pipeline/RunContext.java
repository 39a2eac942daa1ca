package dev.optagent.agent.pipeline;

import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.AgentListener;
import dev.optagent.agent.Cost;
import dev.optagent.agent.StageEvent;
import dev.optagent.agent.StageKnobs;
import dev.optagent.agent.insight.Insight;
import dev.optagent.agent.insight.InsightSource;
import dev.optagent.agent.check.FindingPolicy;
import dev.optagent.agent.prompt.PromptSource;
import dev.optagent.agent.llm.LlmClient;
import dev.optagent.agent.llm.LlmExchange;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.agent.trace.StageRecord;
import dev.optagent.agent.trace.Trace;
import dev.optagent.solvers.ModelSolver;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Everything one run shares across its stages and samples: inputs, services, the trace and the cost meters. */
final class RunContext {

    final String problem;
    /** For a follow-up turn: the formulation to change and the change asked for; null for a fresh problem. */
    final Revision revision;
    final AgentConfig config;
    final LlmClient llm;
    final ModelSolver solver;
    final Trace trace = new Trace();
    final String language;
    final FindingPolicy findings;
    private final InsightSource insights;
    private final PromptSource prompts;
    private final String workflow;
    private final InsightScreen screen;
    private final AgentListener listener;
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicLong inputTokens = new AtomicLong();
    private final AtomicLong outputTokens = new AtomicLong();
    private final Map<String, AtomicLong> stageMillis = new ConcurrentHashMap<>();
    private final long start = System.nanoTime();

    RunContext(String problem, Revision revision, AgentConfig config, LlmClient llm, ModelSolver solver, InsightSource insights,
               PromptSource prompts, FindingPolicy findings, String workflow, AgentListener listener) {
        this.problem = problem;
        this.revision = revision;
        this.config = config;
        this.llm = llm;
        this.solver = solver;
        this.insights = insights;
        this.prompts = prompts;
        this.findings = findings;
        this.workflow = workflow;
        this.listener = listener;
        this.language = prompts.load(config.language()).part("text");
        this.screen = new InsightScreen(this, prompts.load(config.insights()));
    }

    void event(String stage, String kind, int attempt, int round, String summary) {
        try {
            listener.onEvent(new StageEvent(stage, kind, attempt, round, summary));
        } catch (RuntimeException e) {
            // A failing listener (a closed socket, say) must not break the run.
        }
    }

    /**
     * One LLM stage: renders the prompt (with the insights the source has for it, after the applicability check when
     * the insights prompt has one), calls the model, records the exchange in the trace and its cost.
     */
    LlmExchange call(String stage, int attempt, int round, StageKnobs knobs, double temperature, Map<String, String> values) {
        PromptTemplate prompt = prompts.load(knobs.prompt());
        Map<String, String> all = new LinkedHashMap<>(values);
        all.putIfAbsent("language", language);
        List<Insight> lessons = screen.applicable(insights.relevant(stage, problem));
        String system = prompt.render("system", all) + lessonsPart(lessons);
        String user = prompt.render("user", all);
        return exchange(stage, attempt, round, prompt.id(), knobs(knobs, temperature, lessons), system, user, temperature, knobs.maxOutputTokens());
    }

    /** One model call, recorded in the trace (also when it fails) and counted in the run's cost. */
    LlmExchange exchange(String stage, int attempt, int round, String promptId, Map<String, Object> used, String system, String user,
                         double temperature, int maxOutputTokens) {
        event(stage, "started", attempt, round, "asking the model (" + promptId + ")");
        try {
            LlmExchange exchange = llm.chat(system, user, temperature, maxOutputTokens);
            calls.addAndGet(exchange.attempts());
            inputTokens.addAndGet(exchange.inputTokens());
            outputTokens.addAndGet(exchange.outputTokens());
            addMillis(stage, exchange.latencyMillis());
            trace.add(new StageRecord(stage, attempt, round, promptId, used, exchange.messages(), exchange.reply(), null, List.of(),
                    exchange.inputTokens(), exchange.outputTokens(), exchange.latencyMillis(), null));
            event(stage, "finished", attempt, round, exchange.outputTokens() + " tokens in " + exchange.latencyMillis() + " ms");
            return exchange;
        } catch (RuntimeException e) {
            trace.add(new StageRecord(stage, attempt, round, promptId, used,
                    List.of(new dev.optagent.agent.trace.Message("system", system), new dev.optagent.agent.trace.Message("user", user)),
                    null, null, List.of(), 0, 0, 0, e.getMessage()));
            event(stage, "finished", attempt, round, "the model call failed: " + e.getMessage());
            throw e;
        }
    }

    static Map<String, Object> knobs(StageKnobs knobs, double temperature) {
        return Map.of("prompt", knobs.prompt(), "temperature", temperature, "maxOutputTokens", knobs.maxOutputTokens());
    }

    /** The knobs of one call, with the ids of the insights it was shown (recorded so a run can be reproduced). */
    Map<String, Object> knobs(StageKnobs knobs, double temperature, List<Insight> lessons) {
        if (lessons.isEmpty() && workflow == null) return knobs(knobs, temperature);
        Map<String, Object> used = new LinkedHashMap<>(knobs(knobs, temperature));
        if (workflow != null) used.put("workflow", workflow);
        if (lessons.isEmpty()) return used;
        used.put("insightsPrompt", config.insights());
        used.put("insights", lessons.stream().map(Insight::id).toList());
        return used;
    }

    /** Nothing without insights, so the stage's prompt is then sent exactly as versioned. */
    private String lessonsPart(List<Insight> lessons) {
        if (lessons.isEmpty()) return "";
        StringBuilder bullets = new StringBuilder();
        for (Insight lesson : lessons) bullets.append(bullets.isEmpty() ? "" : "\n").append("- ").append(lesson.text().strip());
        return "\n\n" + prompts.load(config.insights()).render("text", Map.of("insights", bullets.toString()));
    }

    void addMillis(String stage, long millis) {
        stageMillis.computeIfAbsent(stage, s -> new AtomicLong()).addAndGet(millis);
    }

    Cost cost() {
        Map<String, Long> byStage = new LinkedHashMap<>();
        stageMillis.forEach((stage, millis) -> byStage.put(stage, millis.get()));
        return new Cost(calls.get(), inputTokens.get(), outputTokens.get(), (System.nanoTime() - start) / 1_000_000, byStage);
    }
}

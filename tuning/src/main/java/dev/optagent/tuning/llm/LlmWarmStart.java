package dev.optagent.tuning.llm;

import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.tuning.design.DesignContext;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.design.Proposal;
import dev.optagent.tuning.space.Parameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LLAMBO's zero-shot warm start: the versioned prompt {@code tuning-warm-start@1} describes what is tuned, each
 * parameter (type, range, meaning, condition), the metric and its direction and the context, and asks for N diverse,
 * promising configurations, kept and re-asked as {@link ConfigurationRequest} does. Every exchange is returned for
 * the study. If the model still falls short, the optimizer fills the remaining initial trials at random, labelled as such.
 */
public final class LlmWarmStart implements InitialDesign {

    public static final String PROMPT = "tuning-warm-start@1";

    private final ChatCall chat;
    private final int maxCalls;

    public LlmWarmStart(ChatCall chat, int maxCalls) {
        this.chat = chat;
        this.maxCalls = Math.max(1, maxCalls);
    }

    @Override
    public String name() {
        return "llm";
    }

    @Override
    public Proposal propose(DesignContext context, int count) {
        PromptTemplate prompt = PromptLibrary.load(PROMPT);
        String system = prompt.part("system");
        Map<String, String> values = new HashMap<>(problem(context));
        values.put("count", Integer.toString(count));
        String user = prompt.render("user", values);
        return ConfigurationRequest.ask(chat, prompt, system, user, context.space(), count, maxCalls, List.of());
    }

    /** What is tuned, as the tuning prompts show it: subject, parameters, metric, direction, context. */
    static Map<String, String> problem(DesignContext context) {
        return Map.of(
                "subject", orNone(context.description().subject()),
                "parameters", parameters(context.space()),
                "metric", orNone(context.description().metric()),
                "direction", context.description().direction() == Direction.MINIMIZE ? "minimize" : "maximize",
                "context", orNone(context.description().context()));
    }

    /** One line per parameter: name, type and range, meaning, and when it applies. */
    static String parameters(SearchSpace space) {
        StringBuilder out = new StringBuilder();
        for (Parameter p : space.parameters()) {
            out.append("- ").append(p.name()).append(": ").append(p.domain());
            if (!p.description().isBlank()) out.append(". ").append(p.description());
            if (p.when() != null) out.append(" (only when ").append(p.when().parent()).append(" is ")
                    .append(p.when().values().stream().map(String::valueOf).reduce((a, b) -> a + " or " + b).orElse("")).append(')');
            out.append('\n');
        }
        return out.toString().strip();
    }

    static String orNone(String text) {
        return text == null || text.isBlank() ? "(not given)" : text;
    }
}

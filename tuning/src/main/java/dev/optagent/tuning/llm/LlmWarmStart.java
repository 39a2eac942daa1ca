package dev.optagent.tuning.llm;

import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.tuning.design.DesignContext;
import dev.optagent.tuning.design.InitialDesign;
import dev.optagent.tuning.design.ModelExchange;
import dev.optagent.tuning.design.Proposal;
import dev.optagent.tuning.space.Configuration;
import dev.optagent.tuning.space.InvalidConfigurationException;
import dev.optagent.tuning.space.Parameter;
import dev.optagent.tuning.space.SearchSpace;
import dev.optagent.tuning.study.Direction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LLAMBO's zero-shot warm start: the versioned prompt {@code tuning-warm-start@1} describes what is tuned, each
 * parameter (type, range, meaning, condition), the metric and its direction and the context, and asks for N diverse,
 * promising configurations. Configurations that are invalid or repeat one already accepted are dropped with the
 * reason; while fewer than N are kept and the call budget lasts, the model is asked again with the reasons and the
 * accepted ones. Every exchange is returned for the study. If the model still falls short, the optimizer fills the
 * remaining initial trials at random, labelled as such.
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
        String user = prompt.render("user", Map.of(
                "subject", orNone(context.description().subject()),
                "parameters", parameters(context.space()),
                "metric", orNone(context.description().metric()),
                "direction", context.description().direction() == Direction.MINIMIZE ? "minimize" : "maximize",
                "context", orNone(context.description().context()),
                "count", Integer.toString(count)));
        List<Configuration> accepted = new ArrayList<>();
        List<ModelExchange> exchanges = new ArrayList<>();
        String message = user;
        for (int call = 0; call < maxCalls && accepted.size() < count; call++) {
            ChatCall.Reply reply = chat.chat(system, message);
            List<String> dropped = new ArrayList<>();
            int before = accepted.size();
            List<Map<String, Object>> raw = ConfigurationReply.parse(reply.text());
            if (raw.isEmpty()) dropped.add("the reply holds no configurations in the asked JSON format");
            for (Map<String, Object> candidate : raw) {
                if (accepted.size() == count) {
                    dropped.add(candidate + ": more than the " + count + " asked");
                    continue;
                }
                try {
                    Configuration config = context.space().validate(candidate);
                    if (accepted.stream().anyMatch(config::sameAs)) dropped.add(candidate + ": repeats an accepted configuration");
                    else accepted.add(config);
                } catch (InvalidConfigurationException e) {
                    dropped.add(candidate + ": " + e.getMessage());
                }
            }
            exchanges.add(new ModelExchange(prompt.id(), system, message, reply.text(), accepted.size() - before, dropped,
                    reply.inputTokens(), reply.outputTokens()));
            if (accepted.size() < count) {
                message = user + "\n\n" + prompt.render("retry", Map.of(
                        "problems", dropped.isEmpty() ? "- too few configurations" : "- " + String.join("\n- ", dropped),
                        "accepted_count", Integer.toString(accepted.size()),
                        "accepted", accepted.isEmpty() ? "(none)" : accepted.stream().map(c -> "- " + json(c)).reduce((a, b) -> a + "\n" + b).get(),
                        "count", Integer.toString(count - accepted.size())));
            }
        }
        return new Proposal(accepted, exchanges);
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

    private static String json(Configuration c) {
        try {
            return dev.optagent.tuning.study.StudyFile.JSON.writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(c);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return c.toString();
        }
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? "(not given)" : text;
    }
}

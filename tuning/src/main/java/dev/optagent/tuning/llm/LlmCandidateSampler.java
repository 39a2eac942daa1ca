package dev.optagent.tuning.llm;

import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.agent.prompt.PromptTemplate;
import dev.optagent.tuning.acquisition.CandidateSampler;
import dev.optagent.tuning.design.DesignContext;
import dev.optagent.tuning.design.Proposal;
import dev.optagent.tuning.study.Trial;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * LLAMBO's candidate sampler with the versioned prompt {@code tuning-candidates@1}: the problem as the warm start
 * describes it, every trial so far with its value (or its failure), the best value and the target, and a request for
 * configurations expected to reach the target. Invalid ones, repeats and configurations already tried are dropped and
 * re-asked within the call budget ({@link ConfigurationRequest}).
 */
public final class LlmCandidateSampler implements CandidateSampler {

    public static final String PROMPT = "tuning-candidates@1";

    private final ChatCall chat;
    private final int maxCalls;

    public LlmCandidateSampler(ChatCall chat, int maxCalls) {
        this.chat = chat;
        this.maxCalls = Math.max(1, maxCalls);
    }

    @Override
    public String name() {
        return "llm-sampler";
    }

    @Override
    public Proposal sample(DesignContext context, List<Trial> trials, double best, double target, int count) {
        PromptTemplate prompt = PromptLibrary.load(PROMPT);
        Map<String, String> values = new HashMap<>(LlmWarmStart.problem(context));
        values.put("observed", observed(trials));
        values.put("best", format(best));
        values.put("target", format(target));
        values.put("count", Integer.toString(count));
        return ConfigurationRequest.ask(chat, prompt, prompt.part("system"), prompt.render("user", values), context.space(), count, maxCalls,
                trials.stream().map(Trial::config).toList());
    }

    /** One line per finished trial; pending ones are being measured and say nothing yet. */
    private static String observed(List<Trial> trials) {
        StringBuilder out = new StringBuilder();
        for (Trial t : trials) {
            switch (t.state()) {
                case COMPLETE -> out.append("- ").append(ConfigurationRequest.json(t.config())).append(" → ").append(format(t.value())).append('\n');
                case FAILED -> out.append("- ").append(ConfigurationRequest.json(t.config())).append(" → failed (").append(t.message()).append(")\n");
                case PENDING -> { }
            }
        }
        return out.isEmpty() ? "(none)" : out.toString().strip();
    }

    private static String format(double v) {
        return String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}

package dev.optagent.agent.pipeline;

import dev.optagent.agent.insight.ApplicableLessons;
import dev.optagent.agent.insight.Insight;
import dev.optagent.agent.prompt.PromptTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stage 2 of the library's retrieval as its own call, when the insights prompt has a {@code check-system} part
 * ({@code insights@3}): before a stage shows lessons, one short call asks which candidates' conditions hold for this
 * problem, and only those are shown. Verdicts last for the run, so samples and repair rounds do not ask again; the
 * call is traced as stage {@value #STAGE} and counted in the run's cost like any other.
 */
final class InsightScreen {

    static final String STAGE = "insight-check";
    private static final int MAX_OUTPUT_TOKENS = 1500;

    private final RunContext run;
    private final PromptTemplate prompt;
    private final Map<String, Boolean> verdicts = new HashMap<>();

    InsightScreen(RunContext run, PromptTemplate insightsPrompt) {
        this.run = run;
        this.prompt = insightsPrompt.parts().containsKey("check-system") ? insightsPrompt : null;
    }

    /** The candidates whose condition the check found to hold (a candidate without a condition is kept unchecked). */
    synchronized List<Insight> applicable(List<Insight> candidates) {
        if (prompt == null || candidates.isEmpty()) return candidates;
        List<Insight> unjudged = candidates.stream().filter(i -> i.condition() != null && !verdicts.containsKey(i.id())).toList();
        if (!unjudged.isEmpty()) judge(unjudged);
        return candidates.stream().filter(i -> i.condition() == null || verdicts.get(i.id())).toList();
    }

    private void judge(List<Insight> unjudged) {
        StringBuilder list = new StringBuilder();
        for (Insight i : unjudged) list.append(list.isEmpty() ? "" : "\n").append("[").append(i.id()).append("] ").append(i.condition().strip());
        List<String> ids = unjudged.stream().map(Insight::id).toList();
        String system = prompt.render("check-system", Map.of());
        String user = prompt.render("check-user", Map.of("problem", run.problem, "candidates", list.toString()));
        Map<String, Object> used = Map.of("prompt", prompt.id(), "temperature", 0.0, "maxOutputTokens", MAX_OUTPUT_TOKENS, "candidates", ids);
        Set<String> yes;
        try {
            yes = ApplicableLessons.named(run.exchange(STAGE, 0, 0, prompt.id(), used, system, user, 0, MAX_OUTPUT_TOKENS).reply(), ids);
        } catch (RuntimeException e) {
            // Recorded in the trace; without a verdict no lesson is shown and the stage runs as without a library.
            yes = Set.of();
        }
        for (String id : ids) verdicts.put(id, yes.contains(id));
    }
}

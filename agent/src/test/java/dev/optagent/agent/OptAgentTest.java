package dev.optagent.agent;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.optagent.agent.insight.Insight;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.agent.trace.StageRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptAgentTest {

    private static final AgentConfig FAST = AgentConfig.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofSeconds(20));

    private static OptAgent agent(ScriptedChatModel model) {
        return OptAgent.builder().chatModel(model).config(FAST).build();
    }

    private static String lastUserMessage(ScriptedChatModel model) {
        var messages = model.requests().getLast().messages();
        return ((UserMessage) messages.getLast()).singleText();
    }

    @Test
    void correctFirstAnswerCostsOneCall() {
        ScriptedChatModel model = ScriptedChatModel.of(Replies.CORRECT);
        List<StageEvent> events = new CopyOnWriteArrayList<>();
        AgentResult result = OptAgent.builder().chatModel(model).config(FAST).listener(events::add).build().solve(Replies.WORKSHOP);

        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(1900.0, result.objective(), 1e-9); // 30 chairs, 20 tables
        assertEquals(1, result.cost().llmCalls());
        assertTrue(result.cost().inputTokens() > 0 && result.cost().outputTokens() > 0);
        assertTrue(result.verification().passed());
        assertTrue(result.answer().contains("make[table] (items made) = 20 items"), result.answer());
        assertEquals(1.0, result.confidence());

        StageRecord formulate = result.trace().getFirst();
        assertEquals("formulate", formulate.stage());
        assertEquals("formulate@4", formulate.prompt());
        assertTrue(formulate.messages().get(1).text().contains("120 carpentry hours"));
        assertEquals(Replies.CORRECT, formulate.reply());
        assertTrue(events.stream().anyMatch(e -> e.stage().equals("solve") && e.summary().startsWith("OPTIMAL 1900")), events.toString());
        assertEquals("answer", events.getLast().stage());
    }

    /** The experience library's seam: insights reach the system message and the trace; without any, nothing changes. */
    @Test
    void insightsFromASourceAreShownToTheModelAndRecordedInTheTrace() {
        ScriptedChatModel plain = ScriptedChatModel.of(Replies.CORRECT);
        AgentResult without = agent(plain).solve(Replies.WORKSHOP);
        String plainSystem = without.trace().getFirst().messages().getFirst().text();
        assertFalse(plainSystem.contains("Lessons from earlier problems"), plainSystem);
        assertFalse(without.trace().getFirst().knobs().containsKey("insights"));

        Insight lesson = new Insight("strict-more-than", "A 'more than' between whole quantities is '>= other + 1'.", "test");
        ScriptedChatModel model = ScriptedChatModel.of(Replies.CORRECT);
        AgentResult result = OptAgent.builder().chatModel(model).insights((stage, problem) ->
                stage.equals("formulate") && problem.contains("carpentry") ? List.of(lesson) : List.of()).build().solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        String system = result.trace().getFirst().messages().getFirst().text();
        assertTrue(system.startsWith(plainSystem), "the versioned prompt comes first, unchanged");
        assertTrue(system.endsWith("- " + lesson.text()), system);
        assertEquals(List.of("strict-more-than"), result.trace().getFirst().knobs().get("insights"));
        assertEquals("insights@1", result.trace().getFirst().knobs().get("insightsPrompt"));
    }

    /** insights@3: one applicability call decides which candidates are shown; it is traced, counted and not repeated. */
    @Test
    void theApplicabilityCheckShowsOnlyTheLessonsWhoseConditionHolds() {
        Insight holds = new Insight("L1", "Whole pieces of furniture are integer.", "test", "Applies when items are made in whole units.");
        Insight fails = new Insight("L2", "Blend shares are continuous.", "test", "Applies when liquids are blended. Not when items are discrete.");
        Insight plain = new Insight("L3", "Name every constraint.", "test");
        ScriptedChatModel model = ScriptedChatModel.of("L1 holds: chairs are whole. L2 fails: nothing is blended.\nApplicable: [L1]",
                Replies.TYPO, Replies.CORRECT);
        AgentResult result = OptAgent.builder().chatModel(model).config(AgentConfig.defaults().withInsights("insights@3"))
                .insights((stage, problem) -> List.of(holds, fails, plain)).build().solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(List.of("insight-check", "formulate", "repair"), result.trace().stream().map(r -> r.stage())
                        .filter(stage -> !stage.equals("check")).toList(),
                "one check for the run: the repair round reuses its verdicts");
        assertEquals(3, result.cost().llmCalls(), "the check is counted like any call");
        String check = result.trace().getFirst().messages().get(1).text();
        assertTrue(check.contains("[L1] Applies when items are made in whole units.") && check.contains("[L2]"), check);
        assertFalse(check.contains("[L3]"), "a lesson without a condition is not asked about");
        String system = result.trace().get(1).messages().getFirst().text();
        assertTrue(system.contains(holds.text()) && system.contains(plain.text()), system);
        assertFalse(system.contains(fails.text()), "the lesson whose condition fails is not shown");
        assertFalse(system.contains("Applies when"), "the stage sees lessons, not conditions");
        assertEquals(List.of("L1", "L3"), result.trace().get(1).knobs().get("insights"));
    }

    @Test
    void anUnreadableApplicabilityVerdictShowsNoCheckedLesson() {
        Insight lesson = new Insight("L1", "Whole pieces of furniture are integer.", "test", "Applies when items are made in whole units.");
        ScriptedChatModel plain = ScriptedChatModel.of(Replies.CORRECT);
        String versioned = agent(plain).solve(Replies.WORKSHOP).trace().getFirst().messages().getFirst().text();
        ScriptedChatModel model = ScriptedChatModel.of("I think the first one might fit.", Replies.CORRECT);
        AgentResult result = OptAgent.builder().chatModel(model).config(AgentConfig.defaults().withInsights("insights@3"))
                .insights((stage, problem) -> List.of(lesson)).build().solve(Replies.WORKSHOP);
        assertEquals(versioned, result.trace().get(1).messages().getFirst().text(), "no verdict line: the prompt as without a library");
    }

    @Test
    void assumptionsTheModelStatedAreSaidWithTheAnswer() {
        String assumed = Replies.CORRECT.replaceFirst("\\{\"name\"",
                "{\"assumptions\": [\"The problem gives no demand limit; every chair and table made is sold.\"], \"name\"");
        assertTrue(assumed.contains("assumptions"), "the scripted reply states an assumption");
        AgentResult result = agent(ScriptedChatModel.of(assumed)).solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(List.of("The problem gives no demand limit; every chair and table made is sold."), result.formulation().assumptions());
        assertTrue(result.answer().endsWith("Assumed where the problem is silent or ambiguous:\n"
                + "- The problem gives no demand limit; every chair and table made is sold."), result.answer());
    }

    @Test
    void malformedJsonIsRepaired() {
        ScriptedChatModel model = ScriptedChatModel.of(Replies.BROKEN_JSON, Replies.CORRECT);
        AgentResult result = agent(model).solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(2, result.cost().llmCalls());
        assertTrue(lastUserMessage(model).contains("no formulation"), lastUserMessage(model));
    }

    @Test
    void undefinedNameIsRepairedFromTheErrorMessage() {
        ScriptedChatModel model = ScriptedChatModel.of(Replies.TYPO, Replies.CORRECT);
        AgentResult result = agent(model).solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        String repairPrompt = lastUserMessage(model);
        assertTrue(repairPrompt.contains("unknown name 'hours_neded'"), repairPrompt);
        assertTrue(repairPrompt.contains("did you mean 'hours_needed'"), repairPrompt);
        assertTrue(repairPrompt.contains("1. ERROR constraint hours, expression at"), repairPrompt);
        assertFalse(repairPrompt.contains("ERROR ERROR"), "the severity is said once");
        assertEquals(List.of("formulate", "check", "repair", "check"), result.trace().stream().map(StageRecord::stage).toList());
    }

    @Test
    void infeasibleModelIsRepairedFromTheConflict() {
        ScriptedChatModel model = ScriptedChatModel.of(Replies.WRONG_BOUND, Replies.CORRECT);
        AgentResult result = agent(model).solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(1900.0, result.objective(), 1e-9);
        String repairPrompt = lastUserMessage(model);
        assertTrue(repairPrompt.contains("INFEASIBLE"), repairPrompt);
        assertTrue(repairPrompt.contains("hours[finishing]"), repairPrompt);
        assertTrue(repairPrompt.contains("make[table] >= 1000"), repairPrompt);
    }

    @Test
    void trulyInfeasibleProblemIsConcludedNotRepairedAway() {
        ScriptedChatModel model = ScriptedChatModel.of(Replies.IMPOSSIBLE, Replies.VERDICT_INFEASIBLE);
        AgentResult result = agent(model).solve(Replies.WORKSHOP_IMPOSSIBLE);
        assertEquals(AgentStatus.INFEASIBLE, result.status());
        assertNull(result.objective());
        assertEquals(List.of("carpentry", "promise"), result.diagnosis().constraints());
        assertTrue(result.answer().contains("infeasible"), result.answer());
        assertNotNull(result.formulation());
        assertEquals(2, result.cost().llmCalls());
    }

    @Test
    void nonlinearProblemIsRoutedToTheRightBackend() {
        AgentResult result = agent(ScriptedChatModel.of(Replies.PEN_MODEL)).solve(Replies.PEN);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(625.0, result.objective(), 1e-5);
        assertEquals("SCIP", result.solution().backend());
        assertEquals("global", result.solution().optimality());
    }

    @Test
    void selfConsistencyVotesByObjectiveValue() {
        ScriptedChatModel model = ScriptedChatModel.of(Replies.CORRECT, Replies.DIFFERENT, Replies.CORRECT_AGAIN);
        AgentResult result = OptAgent.builder().chatModel(model).config(FAST.withSamples(3)).build().solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(1900.0, result.objective(), 1e-9);
        assertEquals(2.0 / 3, result.confidence(), 1e-9);
        assertEquals(3, result.cost().llmCalls());
        List<Double> temperatures = new ArrayList<>();
        model.requests().forEach(r -> temperatures.add(r.temperature()));
        assertTrue(temperatures.contains(0.0) && temperatures.contains(0.7), temperatures.toString());
    }

    @Test
    void transientProviderErrorsAreRetriedWithBackoff() {
        ScriptedChatModel model = new ScriptedChatModel()
                .fail(() -> new RateLimitException("429 slow down"))
                .fail(() -> new InternalServerException("503"))
                .reply(Replies.CORRECT);
        AgentResult result = agent(model).solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(3, result.cost().llmCalls());
    }

    @Test
    void persistentOutageEndsInAClearProviderError() {
        ScriptedChatModel model = new ScriptedChatModel();
        for (int k = 0; k < 3; k++) model.fail(() -> new InternalServerException("503 upstream"));
        AgentResult result = agent(model).solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.PROVIDER_ERROR, result.status());
        assertTrue(result.message().contains("did not answer after 3 attempts"), result.message());
        assertTrue(result.message().contains("503 upstream"), result.message());
        assertFalse(result.trace().isEmpty());
    }

    @Test
    void authenticationFailureIsNotRetried() {
        ScriptedChatModel model = new ScriptedChatModel().fail(() -> new AuthenticationException("bad key")).reply(Replies.CORRECT);
        AgentResult result = agent(model).solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.PROVIDER_ERROR, result.status());
        assertTrue(result.message().contains("not retried"), result.message());
        assertEquals(1, model.remaining());
    }

    @Test
    void aCallThatHangsTimesOutAndIsRetried() {
        ScriptedChatModel model = new ScriptedChatModel().slowReply(Replies.BROKEN_JSON, Duration.ofSeconds(5)).reply(Replies.CORRECT);
        AgentConfig config = AgentConfig.defaults().withRetries(2, Duration.ofMillis(1), Duration.ofMillis(300));
        AgentResult result = OptAgent.builder().chatModel(model).config(config).build().solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(2, result.cost().llmCalls());
    }

    @Test
    void separateUnderstandStageUsesTwoCalls() {
        String notes = "```json\n{\"objective\": {\"direction\": \"maximize\", \"what\": \"profit\"}}\n```";
        ScriptedChatModel model = ScriptedChatModel.of(notes, Replies.CORRECT);
        AgentResult result = OptAgent.builder().chatModel(model).config(FAST.withUnderstandSeparately(true)).build().solve(Replies.WORKSHOP);
        assertEquals(AgentStatus.OPTIMAL, result.status());
        assertEquals(List.of("understand", "formulate", "check"), result.trace().stream().map(StageRecord::stage).toList());
        assertTrue(lastUserMessage(model).contains("\"direction\": \"maximize\""));
    }

    @Test
    void asyncSolveDeliversTheSameResult() throws Exception {
        AgentResult result = agent(ScriptedChatModel.of(Replies.CORRECT)).solveAsync(Replies.WORKSHOP).get();
        assertEquals(1900.0, result.objective(), 1e-9);
    }

    @Test
    void noModelConfiguredFailsFastWithInstructions() {
        IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> OptAgent.builder().build());
        assertTrue(e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("OLLAMA_BASE_URL"), e.getMessage());
    }
}

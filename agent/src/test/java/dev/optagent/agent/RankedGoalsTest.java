package dev.optagent.agent;

import dev.optagent.agent.llm.ScriptedChatModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** formulate@5 with language@3 (opt-in): ranked goals as "objectives", answered goal by goal. */
class RankedGoalsTest {

    private static final String PROBLEM = "A shop can make at most 10 units in total and at most 8 of type x."
            + " First make as many units as possible; then keep the effort x + 2y as low as possible.";

    private static final String REPLY = """
            ## Understanding
            Goals, in the order the problem ranks them: units made (maximize), then effort (minimize).
            ```json
            {"name": "shop",
             "parameters": [{"name": "room", "value": 10}, {"name": "x_cap", "value": 8}],
             "variables": [{"name": "x", "type": "integer", "unit": "units"}, {"name": "y", "type": "integer", "unit": "units"}],
             "objectives": [
               {"name": "units", "sense": "maximize", "expression": "x + y"},
               {"name": "effort", "sense": "minimize", "expression": "x + 2 * y"}],
             "constraints": [{"name": "total", "expression": "x + y <= room"}, {"name": "cap", "expression": "x <= x_cap"}]}
            ```""";

    @Test
    void theOptInPromptsTeachObjectivesAndTheAnswerReportsEveryGoal() {
        ScriptedChatModel model = ScriptedChatModel.of(REPLY);
        AgentConfig config = AgentConfig.defaults().withRetries(3, Duration.ofMillis(1), Duration.ofSeconds(20))
                .withFormulatePrompt("formulate@5").withLanguage("language@3");
        AgentResult result = OptAgent.builder().chatModel(model).config(config).build().solve(PROBLEM);

        assertEquals(AgentStatus.OPTIMAL, result.status(), result.answer());
        assertEquals(10.0, result.objective(), 1e-9, "the first goal");
        assertTrue(result.answer().contains("1. units (maximize) 10"), result.answer());
        assertTrue(result.answer().contains("2. effort (minimize) 12"), result.answer());
        assertEquals("formulate@5", result.trace().getFirst().prompt());
        String system = result.trace().getFirst().messages().getFirst().text();
        assertTrue(system.contains("\"objectives\""), "language@3 is inserted");
        assertFalse(AgentConfig.defaults().language().equals("language@3"), "opt-in until measured");
    }
}

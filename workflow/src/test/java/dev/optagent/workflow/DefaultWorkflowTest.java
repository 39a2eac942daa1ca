package dev.optagent.workflow;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.optagent.agent.AgentConfig;
import dev.optagent.agent.AgentResult;
import dev.optagent.agent.OptAgent;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.agent.prompt.PromptLibrary;
import dev.optagent.workflow.param.ParameterRegistry;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The built-in workflow, run through a workflow, is today's agent byte for byte; a workflow's changes reach the model. */
class DefaultWorkflowTest {

    private static List<String> sent(ScriptedChatModel model) {
        return model.requests().stream().map(ChatRequest::messages).flatMap(List::stream).map(ChatMessage::toString).toList();
    }

    private static AgentResult solve(ScriptedChatModel model, Workflow workflow, AgentConfig config) {
        OptAgent.Builder builder = OptAgent.builder().chatModel(model).config(config);
        if (workflow != null) builder.workflow(workflow.toAgent(config));
        return builder.build().solve(Fixtures.BAGS);
    }

    @Test
    void theDefaultWorkflowIsTheDefaultConfiguration() {
        assertEquals(AgentConfig.defaults(), Workflow.defaults().toAgent(AgentConfig.defaults()).config());
        assertEquals(PromptLibrary.load("repair@1").part("system"), Workflow.defaults().value(ParameterRegistry.REPAIR_INSTRUCTIONS));
    }

    @Test
    void theDefaultWorkflowSendsExactlyTheMessagesOfTheBuiltInAgent() {
        for (AgentConfig config : List.of(AgentConfig.defaults(), AgentConfig.defaults().withUnderstandSeparately(true))) {
            ScriptedChatModel plain = ScriptedChatModel.of("{\"objective\": {}}", Fixtures.TYPO, Fixtures.RIGHT);
            ScriptedChatModel viaWorkflow = ScriptedChatModel.of("{\"objective\": {}}", Fixtures.TYPO, Fixtures.RIGHT);
            if (!config.understandSeparately()) {
                plain = ScriptedChatModel.of(Fixtures.TYPO, Fixtures.RIGHT);
                viaWorkflow = ScriptedChatModel.of(Fixtures.TYPO, Fixtures.RIGHT);
            }
            AgentResult a = solve(plain, null, config);
            Workflow workflow = Workflow.defaults().with(Map.of(ParameterRegistry.UNDERSTAND_SEPARATELY, config.understandSeparately()));
            AgentResult b = solve(viaWorkflow, workflow, config);
            assertEquals(48.0, a.objective(), 1e-9);
            assertEquals(a.objective(), b.objective());
            assertTrue(a.trace().stream().anyMatch(r -> r.stage().equals("repair")), "the repair path is covered");
            assertEquals(sent(plain), sent(viaWorkflow), "same prompts, byte for byte");
            // The only trace difference: LLM calls name the workflow they ran under.
            assertTrue(b.trace().stream().filter(r -> r.prompt() != null)
                    .allMatch(r -> r.knobs().get("workflow").equals(workflow.toAgent(config).label())));
            assertTrue(a.trace().stream().noneMatch(r -> r.knobs().containsKey("workflow")));
        }
    }

    @Test
    void aRewrittenRepairInstructionReachesOnlyTheRepairCall() {
        String original = (String) Workflow.defaults().value(ParameterRegistry.REPAIR_INSTRUCTIONS);
        String rewritten = original + "\nFix the first finding before any other.";
        Workflow workflow = Workflow.defaults().with(Map.of(ParameterRegistry.REPAIR_INSTRUCTIONS, rewritten));
        ScriptedChatModel model = ScriptedChatModel.of(Fixtures.TYPO, Fixtures.RIGHT);
        ScriptedChatModel plain = ScriptedChatModel.of(Fixtures.TYPO, Fixtures.RIGHT);
        solve(model, workflow, AgentConfig.defaults());
        solve(plain, null, AgentConfig.defaults());
        List<String> formulate = List.of(model.requests().get(0).messages().toString());
        assertEquals(List.of(plain.requests().get(0).messages().toString()), formulate, "formulate is unchanged");
        String repairSystem = model.requests().get(1).messages().get(0).toString();
        assertTrue(repairSystem.contains("Fix the first finding before any other."), repairSystem);
        assertTrue(repairSystem.contains("\"sets\""), "the {{language}} placeholder is still filled");
        assertNotEquals(plain.requests().get(1).messages().get(0).toString(), repairSystem);
    }

    @Test
    void aCheckMadeAnErrorRefusesTheAnswerAndRepairs() {
        AgentResult lenient = solve(ScriptedChatModel.of(Fixtures.CONTINUOUS), null, AgentConfig.defaults());
        assertEquals(1, lenient.cost().llmCalls(), "by default integrality is a warning: accepted at once");
        Workflow strict = Workflow.defaults().with(Map.of(ParameterRegistry.errorFlag("integrality"), true));
        ScriptedChatModel model = ScriptedChatModel.of(Fixtures.CONTINUOUS, Fixtures.RIGHT);
        AgentResult repaired = solve(model, strict, AgentConfig.defaults());
        assertEquals(2, repaired.cost().llmCalls());
        assertTrue(model.requests().get(1).messages().get(1).toString().contains("ERROR variable 'bags' counts"),
                "the finding is sent as an error");
        assertEquals("integer", repaired.formulation().variables().getFirst().type().name().toLowerCase());
    }

    @Test
    void knobsReachTheConfiguration() {
        Workflow workflow = Workflow.defaults().with(Map.of(ParameterRegistry.REPAIR_ROUNDS, 1, ParameterRegistry.SAMPLES, 3,
                ParameterRegistry.FORMULATE_TEMPERATURE, 0.2, ParameterRegistry.LANGUAGE, "language@1"));
        AgentConfig config = workflow.toAgent(AgentConfig.defaults()).config();
        assertEquals(1, config.repairRounds());
        assertEquals(3, config.samples());
        assertEquals(0.2, config.formulate().temperature());
        assertEquals("language@1", config.language());
        assertEquals(AgentConfig.defaults().solveTimeLimit(), config.solveTimeLimit(), "what a workflow does not own comes from the base");
    }
}

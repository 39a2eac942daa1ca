package dev.optagent.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.llm.ScriptedChatModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;


import static dev.optagent.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolveCommandTest {

    private static final String REPLY = """
            ## Understanding
            - maximize profit 4 per bag, at most 12 bags.
            ```json
            {"name": "bags", "parameters": [{"name": "profit", "value": 4}, {"name": "most", "value": 12}],
             "variables": [{"name": "bags", "type": "integer", "description": "bags packed", "unit": "bags"}],
             "objective": {"sense": "maximize", "expression": "profit * bags"},
             "constraints": [{"name": "limit", "expression": "bags <= most"}]}
            ```""";

    @AfterEach
    void restoreModels() {
        CliRun.restoreModels();
    }

    @Test
    void jsonResultWithoutTraceUnlessAsked() throws Exception {
        SolveCommand.models = () -> ScriptedChatModel.of(REPLY);
        String[] run = run("solve", "--json", "Pack bags: 4 profit per bag, at most 12 bags. Maximize profit.");
        assertEquals("0", run[0], run[2]);
        JsonNode result = new ObjectMapper().readTree(run[1]);
        assertEquals("OPTIMAL", result.get("status").asText());
        assertEquals(48.0, result.get("objective").asDouble(), 1e-9);
        assertEquals(1, result.get("cost").get("llmCalls").asInt());
        assertFalse(result.has("trace"));

        SolveCommand.models = () -> ScriptedChatModel.of(REPLY);
        JsonNode traced = new ObjectMapper().readTree(run("solve", "--json", "--trace", "Pack bags: 4 per bag, at most 12.")[1]);
        assertEquals("formulate", traced.get("trace").get(0).get("stage").asText());
    }

    @Test
    void readableReportStreamsStagesToStderr() {
        SolveCommand.models = () -> ScriptedChatModel.of(REPLY);
        String[] run = run("solve", "Pack bags: 4 profit per bag, at most 12 bags. Maximize profit.");
        assertEquals("0", run[0]);
        assertTrue(run[1].contains("bags (bags packed) = 12 bags"), run[1]);
        assertTrue(run[2].contains("[solve] OPTIMAL 48"), run[2]);
    }

    @Test
    void missingModelConfigurationSaysHowToConfigure() {
        SolveCommand.models = () -> {
            throw new IllegalStateException(dev.optagent.agent.llm.ChatModels.HOW_TO_CONFIGURE);
        };
        String[] run = run("solve", "anything");
        assertEquals("2", run[0]);
        assertTrue(run[2].contains("OPENAI_BASE_URL"), run[2]);
    }

    @Test
    void withJsonAMissingModelIsAJsonErrorObjectOnStdout() throws Exception {
        SolveCommand.models = () -> {
            throw new IllegalStateException(dev.optagent.agent.llm.ChatModels.HOW_TO_CONFIGURE);
        };
        String[] run = run("solve", "--json", "anything");
        assertEquals("2", run[0]);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run[1]);
        assertEquals("NO_MODEL", node.get("status").asText());
        assertTrue(node.get("error").asText().contains("OPENAI_BASE_URL"), run[1]);
    }
}

package dev.optagent.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.llm.ScriptedChatModel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Replays replies a real model gave to our prompts (recorded through llm-bridge; see each fixture's label)
 * for the project's own example problems, so a prompt or parser change that breaks real model output fails
 * here. The expected optimum was checked against our own formulation of each problem (datasets/formulations).
 */
class RecordedRepliesTest {

    @ParameterizedTest
    @ValueSource(strings = {"bakery", "trucks", "staffing"})
    void recordedRepliesStillSolveToTheCheckedOptimum(String name) throws IOException {
        JsonNode fixture;
        try (InputStream in = RecordedRepliesTest.class.getResourceAsStream("/recorded/" + name + ".json")) {
            fixture = new ObjectMapper().readTree(in);
        }
        ScriptedChatModel model = new ScriptedChatModel();
        fixture.get("replies").forEach(reply -> model.reply(reply.asText()));
        String problem = Files.readString(Path.of("..").resolve(fixture.get("problem").asText()));
        AgentResult result = OptAgent.builder().chatModel(model).build().solve(problem);
        assertEquals(AgentStatus.OPTIMAL, result.status(), result.message());
        assertEquals(fixture.get("expectedObjective").asDouble(), result.objective(), 1e-6);
        assertEquals(fixture.get("replies").size(), result.cost().llmCalls(), "replayed the recorded exchange exactly");
    }
}

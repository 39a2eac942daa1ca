package dev.optagent.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.llm.ScriptedChatModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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
        JsonNode fixture = fixture(name);
        AgentResult result = replay(fixture);
        assertEquals(AgentStatus.OPTIMAL, result.status(), result.message());
        assertEquals(fixture.get("expectedObjective").asDouble(), result.objective(), 1e-6);
    }

    /**
     * An over-constrained problem of our own (16 nurses needed, 15 employed): formulate@4 keeps it as stated,
     * the solver proves it infeasible, and the model's repair reply is a verdict, not a "fixed" model.
     */
    @Test
    void aRecordedInfeasibleVerdictConcludesInfeasibleWithTheConflict() throws IOException {
        JsonNode fixture = fixture("clinic");
        AgentResult result = replay(fixture);
        assertEquals(AgentStatus.valueOf(fixture.get("expectedStatus").asText()), result.status(), result.message());
        List<String> expected = new ArrayList<>();
        fixture.get("expectedConflict").forEach(instance -> expected.add(instance.asText()));
        assertEquals(Set.copyOf(expected), Set.copyOf(result.diagnosis().conflict()));
    }

    private static JsonNode fixture(String name) throws IOException {
        try (InputStream in = RecordedRepliesTest.class.getResourceAsStream("/recorded/" + name + ".json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static AgentResult replay(JsonNode fixture) throws IOException {
        ScriptedChatModel model = new ScriptedChatModel();
        fixture.get("replies").forEach(reply -> model.reply(reply.asText()));
        String problem = Files.readString(Path.of("..").resolve(fixture.get("problem").asText()));
        AgentResult result = OptAgent.builder().chatModel(model).build().solve(problem);
        assertEquals(fixture.get("replies").size(), result.cost().llmCalls(), "replayed the recorded exchange exactly");
        return result;
    }
}

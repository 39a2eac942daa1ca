package dev.optagent.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.formulation.diff.FormulationDiff;
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

    /**
     * A real conversation (recorded over the chat WebSocket): the trucks problem, then two follow-ups. Each
     * revision must change exactly what was asked and re-solve to the optimum of our own formulation with the
     * same change (checked with solve-model on datasets/formulations/trucks.json).
     */
    @Test
    void aRecordedConversationRevisesTheModelAsAskedAndReSolves() throws IOException {
        JsonNode fixture = fixture("trucks-conversation");
        ScriptedChatModel model = new ScriptedChatModel();
        fixture.get("replies").forEach(reply -> model.reply(reply.asText()));
        OptAgent agent = OptAgent.builder().chatModel(model).build();
        String problem = Files.readString(Path.of("..").resolve(fixture.get("problem").asText()));

        AgentResult result = agent.solve(problem);
        assertEquals(AgentStatus.OPTIMAL, result.status(), result.message());
        assertEquals(fixture.get("expectedObjectives").get(0).asDouble(), result.objective(), 1e-6);
        String conversation = problem;
        for (int turn = 0; turn < fixture.get("requests").size(); turn++) {
            String request = fixture.get("requests").get(turn).asText();
            AgentResult revised = agent.revise(conversation, result.formulation(), request, event -> { });
            assertEquals(AgentStatus.OPTIMAL, revised.status(), revised.message());
            assertEquals(fixture.get("expectedObjectives").get(turn + 1).asDouble(), revised.objective(), 1e-6);
            List<String> changed = FormulationDiff.between(result.formulation(), revised.formulation()).stream()
                    .map(FormulationDiff.Change::name).toList();
            List<String> expected = new ArrayList<>();
            fixture.get("expectedChanges").get(turn).forEach(name -> expected.add(name.asText()));
            assertEquals(expected, changed, "the revision changes exactly what was asked");
            conversation += "\n\nRequested change: " + request;
            result = revised;
        }
        assertEquals(fixture.get("replies").size(), model.requests().size(), "replayed the recorded exchange exactly");
        assertEquals(0, model.remaining());
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

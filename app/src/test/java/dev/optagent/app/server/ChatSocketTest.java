package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.agent.llm.ScriptedChatModel;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The chat over WebSocket: stage events stream, follow-ups change the model, failures keep the conversation. */
@QuarkusTest
class ChatSocketTest {

    @TestHTTPResource("/")
    URI base;


    @AfterEach
    void noModel() {
        TestModels.use(null);
    }

    private static List<String> stages(List<JsonNode> messages) {
        return messages.stream().filter(m -> m.path("type").asText().equals("event")).map(m -> m.path("event").path("stage").asText()).toList();
    }

    @Test
    void streamsStagesThenAnswersAndAFollowUpChangesTheModel() throws Exception {
        ScriptedChatModel model = TestModels.use(ScriptedChatModel.of(
                TestModels.desks("continuous", 12),
                "Desks and chairs are now whole units.\n" + TestModels.desks("integer", 12)));
        try (ChatClient chat = new ChatClient(base, null)) {
            JsonNode status = chat.until("status", 10).getLast();
            assertTrue(status.path("status").path("modelConfigured").asBoolean());

            chat.send(Map.of("type", "ask", "text", TestModels.DESKS_PROBLEM));
            List<JsonNode> first = chat.until("answer", 30);
            assertTrue(stages(first).containsAll(List.of("formulate", "check", "answer")), stages(first).toString());
            JsonNode answer = first.getLast().path("answer");
            assertEquals("OPTIMAL", answer.path("status").asText());
            assertEquals(87.0, answer.path("objective").asDouble(), 1e-9);
            assertEquals("global", answer.path("optimality").asText(), "the UI says whether optimality is proven");
            assertTrue(answer.path("latex").asText().contains("\\max"));
            assertFalse(answer.has("trace"), "the trace stays on the server");

            chat.send(Map.of("type", "ask", "text", "Desks and chairs come in whole numbers."));
            JsonNode second = chat.until("answer", 30).getLast();
            assertEquals(84.0, second.path("answer").path("objective").asDouble(), 1e-9);
            List<String> changes = second.path("changes").findValuesAsText("name");
            assertTrue(changes.contains("desks") && changes.contains("chairs"), second.path("changes").toString());
            assertTrue(second.path("changes").toString().contains("continuous → integer"), second.path("changes").toString());
            // The follow-up went to the revise prompt with the current model and the request.
            String revisePrompt = model.requests().get(1).messages().toString();
            assertTrue(revisePrompt.contains("whole numbers") && revisePrompt.contains("\"desks\""), revisePrompt);
        }
    }

    @Test
    void anEditedModelIsValidatedThenSolvedWithoutAnyModelCall() throws Exception {
        try (ChatClient chat = new ChatClient(base, null)) {
            assertFalse(chat.until("status", 10).getLast().path("status").path("modelConfigured").asBoolean());
            chat.send(Map.of("type", "formulation", "formulation", Map.of("variables", List.of(Map.of("name", "x")),
                    "objective", Map.of("sense", "maximize", "expression", "x + y"))));
            JsonNode invalid = chat.until("invalid", 10).getLast();
            assertEquals("'x'", invalid.path("diagnostics").get(0).path("suggestion").asText());

            chat.send(Map.of("type", "formulation", "formulation", Map.of("variables", List.of(Map.of("name", "x", "upper", 5)),
                    "objective", Map.of("sense", "maximize", "expression", "2 * x"))));
            JsonNode answer = chat.until("answer", 10).getLast().path("answer");
            assertEquals(10.0, answer.path("objective").asDouble(), 1e-9);

            chat.send(Map.of("type", "ask", "text", "Raise the bound to 7."));
            JsonNode error = chat.until("error", 10).getLast();
            assertEquals("No language model configured", error.path("error").path("title").asText());
        }
    }

    @Test
    void aProviderOutageIsShownAndTheConversationSurvivesIt() throws Exception {
        TestModels.use(ScriptedChatModel.of(TestModels.desks("continuous", 12))
                .fail(() -> new dev.langchain4j.exception.AuthenticationException("key revoked"))
                .reply(TestModels.desks("continuous", 16)));
        try (ChatClient chat = new ChatClient(base, null)) {
            chat.until("status", 10);
            chat.send(Map.of("type", "ask", "text", TestModels.DESKS_PROBLEM));
            assertEquals(87.0, chat.until("answer", 30).getLast().path("answer").path("objective").asDouble(), 1e-9);
            chat.send(Map.of("type", "ask", "text", "We got 4 more units of wood."));
            assertEquals("PROVIDER_ERROR", chat.until("answer", 30).getLast().path("answer").path("status").asText());
            chat.send(Map.of("type", "ask", "text", "We got 4 more units of wood."));
            JsonNode retried = chat.until("answer", 30).getLast();
            assertEquals(111.0, retried.path("answer").path("objective").asDouble(), 1e-9, "2.5 desks + 6 chairs from 16 units");
            assertTrue(retried.path("changes").toString().contains("12 → 16"), "diffed against the model kept through the outage");
        }
    }
}

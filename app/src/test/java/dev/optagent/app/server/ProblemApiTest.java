package dev.optagent.app.server;

import dev.optagent.agent.llm.ScriptedChatModel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Problems in plain language through the API, answered by a scripted model. */
@QuarkusTest
class ProblemApiTest {

    @AfterEach
    void noModel() {
        TestModels.use(null);
    }

    @org.junit.jupiter.api.BeforeAll
    static void doubles() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void solvesSynchronously() {
        TestModels.use(ScriptedChatModel.of(TestModels.desks("integer", 12)));
        given().contentType(ContentType.JSON).body(Map.of("problem", TestModels.DESKS_PROBLEM)).post("/api/solve")
                .then().statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("objective", closeTo(84.0, 1e-9))
                .body("decisions.description", hasItem("desks built"))
                .body("cost.llmCalls", equalTo(1));
    }

    @Test
    void anAnswerThatRestsOnAnAssumptionSaysSo() {
        String assumed = TestModels.desks("integer", 12).replace("\"parameters\": [",
                "\"assumptions\": [\"Every desk and chair built is sold.\"], \"parameters\": [");
        TestModels.use(ScriptedChatModel.of(assumed));
        given().contentType(ContentType.JSON).body(Map.of("problem", TestModels.DESKS_PROBLEM)).post("/api/solve")
                .then().statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("formulation.assumptions", hasItem("Every desk and chair built is sold."))
                .body("answer", org.hamcrest.Matchers.containsString("Assumed where the problem is silent or ambiguous:\n- Every desk"));
    }

    @Test
    void withoutAModelTheApiSaysHowToConfigureOne() {
        given().contentType(ContentType.JSON).body(Map.of("problem", "anything")).post("/api/solve")
                .then().statusCode(503).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("No language model configured"))
                .body("detail", containsString("OPENAI_API_KEY"));
        given().get("/api/status").then().statusCode(200).body("modelConfigured", equalTo(false))
                .body("workflow", startsWith("default@"));
    }

    @Test
    void aJobCanBePolledAndStreamed() throws InterruptedException {
        TestModels.use(ScriptedChatModel.of(TestModels.desks("continuous", 12)));
        Response submitted = given().contentType(ContentType.JSON).body(Map.of("problem", TestModels.DESKS_PROBLEM)).post("/api/jobs");
        submitted.then().statusCode(202).body("id", notNullValue()).header("Location", containsString("/api/jobs/"));
        String id = submitted.path("id");
        String state = "QUEUED";
        for (int i = 0; i < 100 && !state.equals("DONE"); i++) {
            Thread.sleep(100);
            state = given().get("/api/jobs/" + id).path("state");
        }
        assertEquals("DONE", state);
        given().get("/api/jobs/" + id).then().body("result.objective", closeTo(87.0, 1e-9))
                .body("events.stage", hasItem("formulate")).body("events.stage", hasItem("answer"));
        // A finished job's stream replays its events and ends with the result.
        String stream = given().accept("text/event-stream").get("/api/jobs/" + id + "/events").asString();
        assertTrue(stream.contains("\"stage\":\"formulate\""), stream);
        assertTrue(stream.contains("\"type\":\"finished\""), stream);
        given().get("/api/jobs/nope").then().statusCode(404).contentType(startsWith("application/problem+json"));
        // Acknowledged work is on disk: the finished job's record, with its result, survives a restart.
        java.nio.file.Path record = java.nio.file.Path.of("target", "test-data", "jobs", id + ".json");
        assertTrue(java.nio.file.Files.isRegularFile(record), record.toString());
        com.fasterxml.jackson.databind.JsonNode stored = assertDoesNotThrowRead(record);
        assertEquals("DONE", stored.path("job").path("state").asText());
        assertEquals(87.0, stored.path("job").path("result").path("objective").asDouble(), 1e-9);
        assertEquals(TestModels.DESKS_PROBLEM, stored.path("problem").asText());
    }

    private static com.fasterxml.jackson.databind.JsonNode assertDoesNotThrowRead(java.nio.file.Path file) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aProviderOutageIsReportedAsSuchNotAsAnAnswer() {
        ScriptedChatModel failing = new ScriptedChatModel();
        failing.fail(() -> new dev.langchain4j.exception.AuthenticationException("invalid API key"));
        TestModels.use(failing);
        given().contentType(ContentType.JSON).body(Map.of("problem", TestModels.DESKS_PROBLEM)).post("/api/solve")
                .then().statusCode(200).body("status", equalTo("PROVIDER_ERROR")).body("objective", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void emptyAndOversizedProblemsAreRefusedClearly() {
        TestModels.use(ScriptedChatModel.of());
        given().contentType(ContentType.JSON).body(Map.of("problem", " ")).post("/api/solve")
                .then().statusCode(400).body("title", equalTo("Empty problem"));
        given().contentType(ContentType.JSON).body(Map.of("problem", "x".repeat(20_001))).post("/api/jobs")
                .then().statusCode(413).body("detail", containsString("20000"));
    }

    @Test
    void listsDatasetsRunsAndExamples() {
        given().get("/api/datasets").then().statusCode(200).body("name", hasItem("optibench"));
        given().get("/api/runs").then().statusCode(200);
        given().get("/api/examples").then().statusCode(200).body("formulations.name", hasItem("transport"));
        given().get("/api/examples/formulations/transport").then().statusCode(200).body("name", equalTo("transport"));
        given().get("/api/examples/problems/bakery").then().statusCode(200).body(containsString("bakery"));
        given().get("/api/examples/formulations/..%2Fsecret").then().statusCode(404);
    }
}

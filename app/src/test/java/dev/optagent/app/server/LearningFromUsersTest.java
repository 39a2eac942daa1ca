package dev.optagent.app.server;

import dev.optagent.agent.llm.ScriptedChatModel;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.*;

/**
 * A user marks an answer wrong with the expected value; the server learns from it in the background with its model
 * (scripted here); the verified insight waits for the admin's approval, then goes live.
 */
@QuarkusTest
@TestProfile(LearningFromUsersTest.WritableLibrary.class)
class LearningFromUsersTest {

    public static class WritableLibrary implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String run = Long.toHexString(System.nanoTime());
            return Map.of("optagent.library", "target/users-" + run + ".json", "optagent.library-admin-key", "admin-secret",
                    "optagent.library-feedback", "target/users-" + run + ".feedback.json");
        }
    }

    static final String PROBLEM = "Pack bags: each bag earns a profit of 4, at most 12 bags fit on the shelf. Maximize the profit.";

    static String reply(int profit) {
        return """
                ```json
                {"name": "bags", "parameters": [{"name": "profit", "value": %d}, {"name": "most", "value": 12}],
                 "variables": [{"name": "bags", "type": "integer"}],
                 "objective": {"sense": "maximize", "expression": "profit * bags"},
                 "constraints": [{"name": "limit", "expression": "bags <= most"}]}
                ```""".formatted(profit);
    }

    static final String DIAGNOSIS = """
            ```json
            {"rootCause": "the profit per bag was halved",
             "insights": [{"taxonomy": {"stage": "formulate", "level1": "general formulation", "level2": "units and scaling"},
               "condition": "This applies when the problem packs bags and states a profit for each bag, e.g. 'each bag earns a profit'. It does not apply when profits are per shelf.",
               "explanation": "Keep each per-bag profit exactly as stated.", "example": {"wrong": "profit 2", "right": "profit 4"}}]}
            ```""";

    @AfterEach
    void noModel() {
        TestModels.use(null);
    }

    @Test
    void aWrongAnswerReportedWithTheExpectedValueTeachesAnInsightThatGoesLiveAfterApproval() throws Exception {
        TestModels.use(ScriptedChatModel.of(reply(2), DIAGNOSIS, reply(4), reply(4)));
        String id = given().contentType(ContentType.JSON).body(Map.of("problem", PROBLEM, "answered", 24.0, "expected", 48.0,
                "reason", "each bag earns 4")).post("/api/library/feedback").then().statusCode(202).body("state", equalTo("pending"))
                .extract().path("id");
        String state = "pending";
        for (int k = 0; k < 200 && "pending".equals(state); k++) {
            Thread.sleep(100);
            List<Map<String, Object>> cases = given().get("/api/library/feedback").then().statusCode(200).extract().path("");
            state = cases.stream().filter(c -> id.equals(c.get("id"))).map(c -> (String) c.get("state")).findFirst().orElse("missing");
        }
        assertEquals("learned", state);
        String insight = given().get("/api/library").then().statusCode(200).body("insights.size()", equalTo(1))
                .body("insights[0].status", equalTo("candidate")).body("insights[0].created.by", equalTo("user"))
                .body("insights[0].statusReason", containsString("awaiting approval")).extract().path("insights[0].id");

        given().post("/api/library/insights/" + insight + "/approve").then().statusCode(403);
        given().header("X-Admin-Key", "admin-secret").post("/api/library/insights/" + insight + "/approve").then().statusCode(200)
                .body("status", equalTo("active"));
        given().header("X-Admin-Key", "admin-secret").post("/api/library/insights/" + insight + "/approve").then().statusCode(409);

        // Live now: the server's next run shows it to the model.
        ScriptedChatModel next = TestModels.use(ScriptedChatModel.of(reply(4)));
        given().contentType(ContentType.JSON).body(Map.of("problem", PROBLEM)).post("/api/solve").then().statusCode(200);
        String system = ((dev.langchain4j.data.message.SystemMessage) next.requests().getFirst().messages().getFirst()).text();
        assertTrue(system.contains("Keep each per-bag profit exactly as stated."), system);
    }
}

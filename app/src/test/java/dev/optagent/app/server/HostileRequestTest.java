package dev.optagent.app.server;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile bodies over REST: every answer is problem-details JSON in the format's words, never a 500. */
@QuarkusTest
class HostileRequestTest {

    private static final String MODEL = """
            {"variables": [{"name": "x", "upper": 10}], "objective": {"sense": "minimize", "expression": "x"},
             "constraints": [{"name": "c", "expression": "%s"}]}""";

    @Test
    void hostileFormulationsAreRefusedInWordsNeverWithA500() {
        List<String> bodies = List.of(
                MODEL.formatted("(".repeat(1000) + "x" + ")".repeat(1000) + " >= 1"),
                MODEL.formatted("x" + " * x".repeat(3000) + " >= 1"),
                MODEL.formatted("x >= 1e308 * 10"),
                MODEL.formatted("1e308 * x >= 1"),
                "{}",
                "{\"variables\": [{\"name\": \"x\", \"upper\": NaN}]}",
                "{\"variables\": [{\"name\": \"x\"}], \"constraints\": [{\"name\": [\"a\"], \"expression\": \"x >= 1\"}]}",
                "{\"variables\": " + "[".repeat(3000) + "]".repeat(3000) + "}",
                "[1, 2]", "\"text\"", "null", "{\"variables\": [", "{} {}");
        for (String path : List.of("/api/formulations/solve", "/api/formulations/render?format=lp", "/api/formulations/render")) {
            for (String body : bodies) {
                Response response = given().contentType(ContentType.JSON).body(body).post(path);
                String text = response.asString();
                assertTrue(response.statusCode() < 500, path + " " + response.statusCode() + " " + text);
                // LaTeX is a rendering of the text, not a solve: a parseable document may render; the rest is refused.
                if (!path.endsWith("/render") || response.statusCode() >= 400) {
                    assertTrue(response.statusCode() >= 400, path + " " + text);
                    response.then().contentType(startsWith("application/problem+json"));
                }
                assertFalse(text.matches("(?s).*(java\\\\.|Exception|JsonToken|`|START_ARRAY).*"), text);
            }
        }
        // validate answers 200 with the diagnostics for every one of them
        for (String body : bodies) {
            Response response = given().contentType(ContentType.JSON).body(body).post("/api/formulations/validate");
            assertTrue(response.statusCode() < 500, response.asString());
        }
    }

    @Test
    void bytesThatAreNotUtf8AndWrongShapesInRequestRecordsAreSaidInWords() {
        Response response = given().contentType(ContentType.JSON).body("{\"problem\": [1, 2]}").post("/api/jobs");
        assertTrue(response.statusCode() == 400, response.asString());
        assertFalse(response.asString().matches("(?s).*(java\\\\.|Exception|JsonToken|`).*"), response.asString());
        given().get("/api/jobs/..%2F..%2Fetc%2Fpasswd").then().statusCode(404).contentType(startsWith("application/problem+json"));
    }
}

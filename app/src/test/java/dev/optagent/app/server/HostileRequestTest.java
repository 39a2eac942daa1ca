package dev.optagent.app.server;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Hostile bodies over REST: every answer is problem-details JSON in the format's words, never a 500. */
@QuarkusTest
class HostileRequestTest {

    @io.quarkus.test.common.http.TestHTTPResource("/")
    java.net.URI base;

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

    @Test
    void pathTraversalInNamesIsRefused() throws Exception {
        for (String target : List.of("/api/conversations/..%2F..%2Fetc%2Fpasswd", "/api/conversations/../../etc/passwd",
                "/api/examples/formulations/..%2F..%2F..%2Fpom.xml", "/api/examples/..%2F..%2F/pom.xml",
                "/api/runs/..%2F..%2Fetc/report", "/api/library/insights/..%2F..%2Fetc%2Fpasswd", "/api/jobs/..%2Fjobs",
                "/api/examples/formulations/%2e%2e%2f%2e%2e%2fpom.xml")) {
            int status = RawHttp.status(base, "GET", target, null);
            assertTrue(status == 400 || status == 404, target + " answered " + status);
        }
        int put = RawHttp.status(base, "PUT", "/api/conversations/..%2F..%2Ftmp%2Fowned", null);
        assertTrue(put == 400 || put == 404, "PUT outside the store answered " + put);
    }

    @Test
    void aBodyOverTheLimitIs413AndAWrongContentTypeIs415() {
        String huge = "{\"name\": \"" + "x".repeat(1_200_000) + "\"}";
        for (String path : List.of("/api/formulations/solve", "/api/formulations/validate", "/api/jobs", "/api/solve")) {
            assertTrue(given().contentType(ContentType.JSON).body(huge).post(path).statusCode() == 413, path);
        }
        for (String path : List.of("/api/formulations/solve", "/api/formulations/validate", "/api/jobs", "/api/solve")) {
            Response response = given().contentType("application/xml").body("<formulation/>").post(path);
            assertTrue(response.statusCode() == 415, path + " " + response.statusCode() + " " + response.asString());
        }
    }

    @Test
    void aHostileChatMessageGetsAClearErrorFrameNeverAClassName() throws Exception {
        try (ChatClient chat = new ChatClient(base, null)) {
            chat.until("status", 10);
            for (String message : List.of("{\"type\": \"ask\", \"text\": ", "not json at all", "[1, 2]", "{\"type\": 7}",
                    "{\"type\": \"launch\"}", "{\"type\": \"formulation\", \"formulation\": [1]}",
                    "{\"type\": \"formulation\", \"formulation\": {\"variables\": [{\"name\": [\"x\"]}]}}")) {
                chat.sendRaw(message);
                var frame = chat.untilOneOf(10, "error", "invalid").getLast();
                var reply = frame.path("type").asText().equals("error") ? frame.path("error") : frame.path("diagnostics").get(0);
                assertTrue(frame.path("type").asText().equals("invalid")
                        || reply.path("status").asInt() >= 400 && reply.path("status").asInt() < 500, message + " -> " + frame);
                assertFalse(reply.path(frame.path("type").asText().equals("error") ? "detail" : "message").asText().isBlank(), frame.toString());
                assertFalse(reply.toString().matches("(?s).*(java\\.|Exception|JsonToken|com\\.fasterxml|dev\\.optagent|`).*"),
                        message + " -> " + reply);
            }
            // a bad formulation is answered with its diagnostics, in the format's words
            chat.sendRaw("{\"type\": \"formulation\", \"formulation\": {\"variables\": [{\"name\": \"x\"}],"
                    + " \"constraints\": [{\"name\": \"c\", \"expression\": \"x >= 1e308 * 10\"}]}}");
            var invalid = chat.until("invalid", 10).getLast();
            assertFalse(invalid.toString().matches("(?s).*(java\\.|Exception|dev\\.optagent).*"), invalid.toString());
            assertTrue(invalid.toString().contains("objective"), invalid.toString());
        }
    }

    @Test
    void aChatMessageOverTheSizeLimitEndsInWordsAndTheServerGoesOn() throws Exception {
        try (ChatClient chat = new ChatClient(base, null)) {
            chat.until("status", 10);
            try {
                chat.sendRaw("{\"type\": \"ask\", \"text\": \"" + "x".repeat(2_000_000) + "\"}");
            } catch (Exception e) {
                // the server may close the socket while the frame is still being written
            }
            boolean closed = chat.closedWithin(10);
            assertTrue(closed || chat.receivedText().contains("error"), "neither a close nor an error frame: " + chat.receivedText());
            assertFalse(chat.receivedText().matches("(?s).*(java\\.|Exception|dev\\.optagent).*"), chat.receivedText());
        }
        try (ChatClient next = new ChatClient(base, null)) {
            assertEquals("status", next.until("status", 10).getLast().path("type").asText(), "the server goes on");
        }
    }
}

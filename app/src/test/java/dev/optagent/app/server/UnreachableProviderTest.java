package dev.optagent.app.server;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A provider URL pointing at a closed port: REST and chat say which server, at which URL, and why. */
@QuarkusTest
class UnreachableProviderTest {

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void noModel() {
        TestModels.use(null);
    }

    @Test
    void aClosedPortIsNamedWithItsUrlAndTheCause() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/v1";
        TestModels.useProvider(Map.of("OPENAI_BASE_URL", url, "OPENAI_API_KEY", "test", "OPTAGENT_MODEL", "m1"));
        String where = "the OpenAI-compatible server at " + url + " (model m1)";

        given().contentType(ContentType.JSON).body(Map.of("problem", TestModels.DESKS_PROBLEM)).post("/api/solve")
                .then().statusCode(200).body("status", equalTo("PROVIDER_ERROR"))
                .body("message", containsString(where)).body("message", containsString("cannot connect (connection refused"));

        try (ChatClient chat = new ChatClient(base, null)) {
            chat.until("status", 10);
            chat.send(Map.of("type", "ask", "text", TestModels.DESKS_PROBLEM));
            var answer = chat.until("answer", 120).getLast().path("answer");
            assertEquals("PROVIDER_ERROR", answer.path("status").asText());
            String message = answer.path("message").asText();
            assertTrue(message.contains(where) && message.contains("cannot connect (connection refused"), message);
            assertTrue(!message.contains("null") && !message.contains("Exception"), message);
        }
    }
}

package dev.optagent.app.server;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With an API key configured: REST and WebSocket need it; health stays open; the rate limit applies. */
@QuarkusTest
@TestProfile(SecuredServerTest.Secured.class)
class SecuredServerTest {

    public static class Secured implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("optagent.api-key", "s3cret", "optagent.rate-limit.per-minute", "8");
        }
    }

    @TestHTTPResource("/")
    URI base;


    @Test
    void restNeedsTheKeyAndTheRateLimitHolds() {
        given().get("/api/status").then().statusCode(401).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("API key required"));
        given().header("X-API-Key", "wrong").get("/api/status").then().statusCode(401);
        given().header("X-API-Key", "s3cret").get("/api/status").then().statusCode(200);
        given().header("Authorization", "Bearer s3cret").get("/api/status").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/index.html").then().statusCode(200);
        int status = 200;
        for (int i = 0; i < 10 && status == 200; i++) status = given().header("X-API-Key", "s3cret").get("/api/datasets").statusCode();
        assertEquals(429, status);
        given().header("X-API-Key", "s3cret").get("/api/datasets").then().statusCode(429)
                .header("Retry-After", "60").body("detail", containsString("per minute"));
    }

    @Test
    void theChatNeedsTheKeyToo() throws Exception {
        try (ChatClient anonymous = new ChatClient(base, null)) {
            assertEquals(401, anonymous.until("error", 10).getLast().path("error").path("status").asInt());
            assertTrue(anonymous.closedWithin(10), "the socket is closed");
        }
        try (ChatClient member = new ChatClient(base, "key=s3cret")) {
            assertEquals("status", member.until("status", 10).getLast().path("type").asText());
        }
    }
}

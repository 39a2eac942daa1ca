package dev.optagent.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Against the running app with a key: every {@code /api} operation the OpenAPI document lists refuses a missing or
 * wrong key, and so do the spellings that try to slip past a prefix check ({@code //api}, {@code /%61pi},
 * {@code ;a=b}, {@code /x/../api}), sent byte for byte over a socket so no client library normalises them first.
 */
@QuarkusTest
@TestProfile(ApiKeyBypassTest.Keyed.class)
class ApiKeyBypassTest {

    public static class Keyed implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("optagent.api-key", "s3cret", "optagent.rate-limit.per-minute", "100000");
        }
    }

    private static final String ANY_ID = "00000000-0000-0000-0000-000000000000";

    @TestHTTPResource("/")
    URI base;

    /** Every (method, path) of the API, path parameters filled with a plausible id. */
    private List<String[]> operations() throws Exception {
        JsonNode openapi = new ObjectMapper().readTree(given().queryParam("format", "json").get("/q/openapi").asString());
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openapi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/")) continue;
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase(java.util.Locale.ROOT);
                if (List.of("GET", "POST", "PUT", "DELETE", "PATCH").contains(method)) {
                    operations.add(new String[] {method, path.getKey().replaceAll("\\{[^}]+}", ANY_ID)});
                }
            }
        }
        return operations;
    }

    private int raw(String method, String target, String key) throws Exception {
        return RawHttp.status(base, method, target, key);
    }

    @Test
    void everyApiOperationRefusesAMissingOrWrongKey() throws Exception {
        List<String[]> operations = operations();
        assertTrue(operations.size() >= 15, "the OpenAPI document lists the API: " + operations.size());
        for (String[] op : operations) {
            assertEquals(401, raw(op[0], op[1], null), op[0] + " " + op[1] + " without a key");
            assertEquals(401, raw(op[0], op[1], "s3cre"), op[0] + " " + op[1] + " with a wrong key");
        }
        assertEquals(200, raw("GET", "/api/status", "s3cret"), "the raw client itself reaches the API with the key");
    }

    @Test
    void spellingsThatDodgeAPrefixCheckAreRefusedToo() throws Exception {
        for (String[] op : operations()) {
            String rest = op[1].substring("/api".length());
            for (String variant : List.of("/" + op[1], "/%61pi" + rest, "/%61%70%69" + rest, op[1] + ";a=b", "/api;a=b" + rest,
                    "/x/.." + op[1], "/api/." + rest, "/API" + rest, "/api/%2e" + rest)) {
                int status = raw(op[0], variant, null);
                assertTrue(status >= 400, op[0] + " " + variant + " without a key answered " + status);
            }
        }
    }

    @Test
    void serverSentEventsAndTheChatNeedTheKey() throws Exception {
        assertEquals(401, raw("GET", "/api/jobs/" + ANY_ID + "/events", null));
        assertEquals(401, raw("GET", "/api/jobs/" + ANY_ID + "/events", "wrong"));
        try (ChatClient wrong = new ChatClient(base, "key=wrong")) {
            JsonNode error = wrong.until("error", 10).getLast().path("error");
            assertEquals(401, error.path("status").asInt());
            assertTrue(wrong.closedWithin(10), "the socket is closed");
        }
    }
}

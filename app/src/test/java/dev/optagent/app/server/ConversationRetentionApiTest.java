package dev.optagent.app.server;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The server applies the configured retention when a conversation is saved. */
@QuarkusTest
@TestProfile(ConversationRetentionApiTest.KeepTwo.class)
class ConversationRetentionApiTest {

    public static class KeepTwo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("optagent.data-dir", "target/retention-" + Long.toHexString(System.nanoTime()), "optagent.conversations.max-count", "2");
        }
    }

    @Test
    void onlyTheNewestTwoConversationsAreKept() throws Exception {
        for (String id : List.of("first-conversation", "second-conversation", "third-conversation")) {
            given().contentType(ContentType.JSON).body(Map.of("title", id, "log", List.of())).put("/api/conversations/" + id).then().statusCode(200);
            Thread.sleep(20); // distinct save times
        }
        List<String> ids = given().get("/api/conversations").then().statusCode(200).extract().path("id");
        assertEquals(List.of("third-conversation", "second-conversation"), ids);
        given().get("/api/conversations/first-conversation").then().statusCode(404);
    }
}

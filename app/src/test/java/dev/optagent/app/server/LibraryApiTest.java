package dev.optagent.app.server;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** The library's REST side with the shipped (read-only, empty, unmeasured) default library. */
@QuarkusTest
class LibraryApiTest {

    @Test
    void theShippedLibraryIsShownEmptyAndUnmeasured() {
        given().get("/api/library").then().statusCode(200)
                .body("spec", equalTo("default")).body("insights.size()", equalTo(0))
                .body("provenance.measured", equalTo(false)).body("writable", equalTo(false));
        given().get("/api/library/insights/nope").then().statusCode(404);
    }

    @Test
    void feedbackIsValidatedRecordedAndExplained() {
        given().contentType(ContentType.JSON).body(Map.of("problem", "Maximize 3x with x <= 4.")).post("/api/library/feedback")
                .then().statusCode(400).body("detail", containsString("a reason, an expected value, or a corrected formulation"));
        given().contentType(ContentType.JSON).body(Map.of("problem", "Maximize 3x with x <= 4.", "expected", "twelve")).post("/api/library/feedback")
                .then().statusCode(400).body("detail", containsString("'expected' must be a number"));
        given().contentType(ContentType.JSON).body(Map.of("problem", "Maximize 3x with x <= 4.", "reason", "x is whole")).post("/api/library/feedback")
                .then().statusCode(202).body("state", equalTo("needs-gold")).body("id", notNullValue());
        given().contentType(ContentType.JSON).body(Map.of("problem", "Maximize 3x with x <= 4.", "answered", 10.0, "expected", 12.0))
                .post("/api/library/feedback")
                .then().statusCode(202).body("state", equalTo("recorded")).body("outcome", containsString("OPTAGENT_LIBRARY"));
        String corrected = """
                {"name": "x", "variables": [{"name": "x", "type": "integer", "upper": 4}],
                 "objective": {"sense": "maximize", "expression": "3 * x"}, "constraints": []}""";
        Number solved = given().contentType(ContentType.JSON).body("{\"problem\": \"Maximize 3x with x <= 4.\", \"formulation\": " + corrected + "}")
                .post("/api/library/feedback").then().statusCode(202).extract().path("expected");
        org.junit.jupiter.api.Assertions.assertEquals(12.0, solved.doubleValue(), 1e-9, "the corrected model's verified objective");
        given().get("/api/library/feedback").then().statusCode(200).body("size()", org.hamcrest.Matchers.greaterThanOrEqualTo(3));
    }

    @Test
    void approvalIsRefusedWithoutAnAdminKeyConfigured() {
        given().post("/api/library/insights/x/approve").then().statusCode(409).body("title", equalTo("No approval needed"));
    }

    @Test
    void theLibraryPageIsServedAndLinkedFromTheChat() {
        given().get("/library.html").then().statusCode(200).body(containsString("<script src=\"/library.js\"></script>"));
        given().get("/").then().statusCode(200).body(containsString("href=\"/library.html\""));
    }
}

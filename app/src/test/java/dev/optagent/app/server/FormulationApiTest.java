package dev.optagent.app.server;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/** The workbench API: no model involved. */
@QuarkusTest
class FormulationApiTest {

    private static final String BAKERY = """
            {"name": "bakery", "sets": [{"name": "P", "elements": ["bread", "muffins"]}],
             "parameters": [{"name": "oven", "index": ["P"], "values": [10, 15]}, {"name": "profit", "index": ["P"], "values": [3, 5]}],
             "variables": [{"name": "make", "index": ["P"], "type": "integer"}],
             "objective": {"sense": "maximize", "expression": "sum(profit[p] * make[p] for p in P)"},
             "constraints": [{"name": "oven_time", "expression": "sum(oven[p] * make[p] for p in P) <= 100"},
                             {"name": "muffin_cap", "expression": "make['muffins'] <= 4"}]}""";

    @org.junit.jupiter.api.BeforeAll
    static void doubles() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(
                io.restassured.config.JsonConfig.jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @Test
    void solvesAndVerifiesAFormulation() {
        // 4 muffins (60 min, 20) + 4 loaves (40 min, 12) = 32
        given().contentType(ContentType.JSON).body(BAKERY).post("/api/formulations/solve")
                .then().statusCode(200)
                .body("status", equalTo("OPTIMAL"))
                .body("objective", closeTo(32.0, 1e-9))
                .body("verification.passed", equalTo(true))
                .body("decisions.variable", hasItem("make[muffins]"));
    }

    @Test
    void validationNamesTheElementThePositionAndASuggestion() {
        given().contentType(ContentType.JSON).body(BAKERY.replace("profit[p] * make[p]", "proft[p] * make[p]"))
                .post("/api/formulations/validate")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("diagnostics[0].element", equalTo("objective"))
                .body("diagnostics[0].position", equalTo(4))
                .body("diagnostics[0].suggestion", containsString("profit"));
        given().contentType(ContentType.JSON).body(BAKERY).post("/api/formulations/validate")
                .then().statusCode(200).body("valid", equalTo(true)).body("problemClass", equalTo("MILP"));
    }

    @Test
    void anInvalidFormulationIsProblemDetailsWithDiagnostics() {
        given().contentType(ContentType.JSON).body(BAKERY.replace("\"make[", "\"mak["))
                .post("/api/formulations/solve")
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(422))
                .body("title", equalTo("Invalid formulation"))
                .body("diagnostics.size()", org.hamcrest.Matchers.greaterThan(0));
    }

    @Test
    void rendersLatexLpAndMps() {
        given().contentType(ContentType.JSON).body(BAKERY).post("/api/formulations/render?format=latex")
                .then().statusCode(200).body(containsString("\\max"));
        given().contentType(ContentType.JSON).body(BAKERY).post("/api/formulations/render?format=lp")
                .then().statusCode(200).body(containsString("Maximize")).body(containsString("oven_time"));
        given().contentType(ContentType.JSON).body(BAKERY).post("/api/formulations/render?format=mps")
                .then().statusCode(200).body(containsString("ROWS"));
        given().contentType(ContentType.JSON).body(BAKERY).post("/api/formulations/render?format=docx")
                .then().statusCode(400).contentType(startsWith("application/problem+json")).body("detail", containsString("latex, lp or mps"));
    }

    @Test
    void badRequestsGetProblemDetailsNeverStackTraces() {
        given().contentType(ContentType.JSON).body("{\"variables\": [").post("/api/formulations/solve")
                .then().statusCode(422).contentType(startsWith("application/problem+json"))
                .body(org.hamcrest.Matchers.not(containsString("at dev.optagent")));
        given().contentType(ContentType.JSON).body("").post("/api/formulations/solve")
                .then().statusCode(400).contentType(startsWith("application/problem+json"));
        given().get("/api/no-such-thing").then().statusCode(404).contentType(startsWith("application/problem+json"));
        String huge = "{\"name\": \"" + "x".repeat(1_200_000) + "\"}";
        given().contentType(ContentType.JSON).body(huge).post("/api/formulations/validate").then().statusCode(413);
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("solver"));
        given().get("/q/openapi").then().statusCode(200).body(containsString("/api/formulations/solve"));
        given().get("/").then().statusCode(200).body(containsString("OptAgent"));
        given().get("/webjars/katex/0.16.47/dist/katex.min.js").then().statusCode(200);
    }
}

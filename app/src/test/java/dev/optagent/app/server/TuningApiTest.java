package dev.optagent.app.server;

import dev.optagent.agent.llm.ScriptedChatModel;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** REST ask/tell studies against the running app; the language model is scripted. */
@QuarkusTest
class TuningApiTest {

    /** Two parameters; the measured function has its minimum at x = 0.3 with kind b. */
    private static final String SPACE = """
            {"parameters": [{"name": "x", "type": "float", "low": 0, "high": 1, "description": "mixing ratio"},
                            {"name": "kind", "type": "categorical", "choices": ["a", "b"], "description": "catalyst"}]}""";

    @BeforeEach
    void doubles() {
        // Numbers read back as the server wrote them (rest-assured reads floats by default).
        RestAssured.config = RestAssured.config().jsonConfig(JsonConfig.jsonConfig().numberReturnType(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @AfterEach
    void noModel() {
        TestModels.use(null);
        RestAssured.config = RestAssuredConfig.config();
    }

    private static String study(String name, String warmStart, int initial) {
        return """
                {"name": "%s", "description": "yield of a batch reactor", "metric": "impurity in ppm", "direction": "minimize",
                 "space": %s, "warmStart": "%s", "initialTrials": %d, "seed": 3}""".formatted(name, SPACE, warmStart, initial);
    }

    private static double measure(Map<String, Object> config) {
        double x = ((Number) config.get("x")).doubleValue();
        return (x - 0.3) * (x - 0.3) + ("b".equals(config.get("kind")) ? 0 : 0.5);
    }

    @Test
    void askTellReadListAndDelete() {
        given().delete("/api/studies/reactor");
        given().contentType(ContentType.JSON).body(study("reactor", "sobol", 4)).post("/api/studies").then().statusCode(201)
                .body("name", equalTo("reactor")).body("settings.initialDesign", equalTo("sobol")).body("trials.size()", equalTo(0));
        given().contentType(ContentType.JSON).body(study("reactor", "sobol", 4)).post("/api/studies").then().statusCode(409);

        // Asking again repeats the suggestions not yet told instead of piling up new ones.
        List<Map<String, Object>> first = given().get("/api/studies/reactor/suggestions?q=2").then().statusCode(200)
                .body("size()", equalTo(2)).body("source", hasItem("sobol")).extract().path("");
        List<Map<String, Object>> again = given().get("/api/studies/reactor/suggestions?q=2").then().statusCode(200).extract().path("");
        assertEquals(first, again);

        double best = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 8; round++) {
            List<Map<String, Object>> batch = given().get("/api/studies/reactor/suggestions?q=2").then().statusCode(200).extract().path("");
            for (Map<String, Object> trial : batch) {
                @SuppressWarnings("unchecked")
                double value = measure((Map<String, Object>) trial.get("config"));
                best = Math.min(best, value);
                given().contentType(ContentType.JSON).body(Map.of("value", value)).post("/api/studies/reactor/trials/" + trial.get("number"))
                        .then().statusCode(200).body("state", equalTo("COMPLETE"));
            }
        }
        // One failure, told as such: counted, never the best.
        int failed = given().get("/api/studies/reactor/suggestions").then().extract().path("[0].number");
        given().contentType(ContentType.JSON).body(Map.of("failure", "the reactor tripped")).post("/api/studies/reactor/trials/" + failed)
                .then().statusCode(200).body("state", equalTo("FAILED")).body("message", equalTo("the reactor tripped"));

        JsonPath view = given().get("/api/studies/reactor").then().statusCode(200).extract().jsonPath();
        assertEquals(17, view.getList("trials").size());
        assertEquals(best, view.getDouble("best.value"), 1e-12);
        List<Double> curve = view.getList("bestSoFar", Double.class);
        assertEquals(17, curve.size());
        for (int k = 1; k < curve.size(); k++) assertTrue(curve.get(k) <= curve.get(k - 1), "best-so-far never gets worse: " + curve);
        assertTrue(best < 0.05, "the GP-EI search finds the basin within 16 trials: " + best);
        assertTrue(view.getList("trials.source").contains("ei"), "the GP takes over after the initial design");

        given().get("/api/studies").then().statusCode(200).body("name", hasItem("reactor"))
                .body("find { it.name == 'reactor' }.complete", equalTo(16));
        given().get("/api/studies/reactor/report").then().statusCode(200).body(containsString("<svg"));

        // A configuration measured elsewhere is added; one outside the space is refused with the reason.
        given().contentType(ContentType.JSON).body(Map.of("config", Map.of("x", 0.31, "kind", "b"), "value", 0.0001))
                .post("/api/studies/reactor/trials").then().statusCode(201).body("source", equalTo("user"));
        given().contentType(ContentType.JSON).body(Map.of("config", Map.of("x", 2, "kind", "b"), "value", 1))
                .post("/api/studies/reactor/trials").then().statusCode(400).body("detail", containsString("parameter 'x'"));

        given().delete("/api/studies/reactor").then().statusCode(204);
        given().get("/api/studies/reactor").then().statusCode(404).contentType(startsWith("application/problem+json"));
        given().get("/api/studies").then().body("name", not(hasItem("reactor")));
    }

    @Test
    void aStudyIsResumedFromItsFileAsTheUninterruptedOneWouldContinue() throws Exception {
        given().delete("/api/studies/original");
        given().delete("/api/studies/reopened");
        given().contentType(ContentType.JSON).body(study("original", "random", 3)).post("/api/studies").then().statusCode(201);
        for (int k = 0; k < 5; k++) {
            Map<String, Object> trial = given().get("/api/studies/original/suggestions").then().extract().path("[0]");
            @SuppressWarnings("unchecked")
            double value = measure((Map<String, Object>) trial.get("config"));
            given().contentType(ContentType.JSON).body(Map.of("value", value)).post("/api/studies/original/trials/" + trial.get("number"))
                    .then().statusCode(200);
        }
        // A copy of the file is a study the server has never held in memory: it is opened from disk, as after a restart.
        Path dir = Path.of("target", "test-data", "studies");
        Files.copy(dir.resolve("original.study.json"), dir.resolve("reopened.study.json"));
        Object fromMemory = given().get("/api/studies/original/suggestions").then().extract().path("[0].config");
        Object fromDisk = given().get("/api/studies/reopened/suggestions").then().extract().path("[0].config");
        assertEquals(fromMemory, fromDisk);
        assertEquals(6, (int) given().get("/api/studies/reopened").then().extract().path("trials.size()"));
        given().delete("/api/studies/original");
        given().delete("/api/studies/reopened");
    }

    @Test
    void theLanguageModelWarmStartsAStudyAndItsExchangesAreKept() {
        given().delete("/api/studies/warm");
        given().contentType(ContentType.JSON).body(study("warm", "llm", 3)).post("/api/studies").then().statusCode(503)
                .body("title", equalTo("No language model configured"));
        TestModels.use(ScriptedChatModel.of(
                "Low ratios with catalyst b usually work.\n```json\n{\"configurations\": [{\"x\": 0.25, \"kind\": \"b\"},"
                        + " {\"x\": 0.7, \"kind\": \"a\"}, {\"x\": 1.5, \"kind\": \"b\"}]}\n```",
                "```json\n{\"configurations\": [{\"x\": 0.4, \"kind\": \"b\"}]}\n```"));
        JsonPath created = given().contentType(ContentType.JSON).body(study("warm", "llm", 3)).post("/api/studies").then().statusCode(201)
                .extract().jsonPath();
        assertEquals(2, created.getList("warmStart").size(), "one re-ask for the configuration out of range");
        assertTrue(created.getString("warmStart[0].dropped[0]").contains("parameter 'x'"), created.prettify());
        assertTrue(created.getString("warmStart[0].user").contains("mixing ratio"), "the prompt names each parameter's meaning");
        List<Map<String, Object>> first = given().get("/api/studies/warm/suggestions?q=3").then().statusCode(200)
                .body("source", equalTo(List.of("llm", "llm", "llm"))).extract().path("config");
        assertEquals(List.of(Map.of("x", 0.25, "kind", "b"), Map.of("x", 0.7, "kind", "a"), Map.of("x", 0.4, "kind", "b")), first);
        given().delete("/api/studies/warm");
    }

    @Test
    void theLanguageModelProposesASpaceAndIsAskedAgainWhenItCannotBeUsed() {
        given().contentType(ContentType.JSON).body(Map.of("description", "my pizza dough")).post("/api/studies/propose-space")
                .then().statusCode(503);
        TestModels.use(ScriptedChatModel.of(
                "```json\n{\"subject\": \"pizza dough\", \"metric\": \"taste score 1-10\", \"direction\": \"maximize\", \"parameters\": ["
                        + "{\"name\": \"hydration\", \"type\": \"real\", \"min\": 0.55},"
                        + "{\"name\": \"proof_hours\", \"type\": \"integer\", \"range\": [1, 48], \"scale\": \"log\"}]}\n```",
                "Fixed.\n```json\n{\"subject\": \"pizza dough\", \"metric\": \"taste score 1-10\", \"direction\": \"maximize\",\n"
                        + " \"context\": \"home oven, 250 C\", \"parameters\": [\n"
                        + "  {\"name\": \"hydration\", \"type\": \"float\", \"low\": 0.55, \"high\": \"0.8\", \"description\": \"water per flour\"},\n"
                        + "  {\"name\": \"proof_hours\", \"type\": \"int\", \"low\": 1, \"high\": 48, \"log\": true},\n"
                        + "  {\"name\": \"flour\", \"type\": \"choice\", \"choices\": [\"00\", \"bread\"]},]}\n```"));
        JsonPath proposal = given().contentType(ContentType.JSON)
                .body(Map.of("description", "I bake pizza at home and want the tastiest dough: hydration, proofing time, flour."))
                .post("/api/studies/propose-space").then().statusCode(200).extract().jsonPath();
        assertEquals(2, proposal.getList("exchanges").size());
        assertTrue(proposal.getString("exchanges[0].dropped[0]").contains("parameter 'hydration': 'high' is missing"), proposal.prettify());
        assertTrue(proposal.getString("exchanges[1].user").contains("'high' is missing"), "the re-ask names the problem");
        assertEquals("maximize", proposal.getString("direction"));
        assertEquals(List.of("hydration", "proof_hours", "flour"), proposal.getList("space.parameters.name"));
        assertEquals(List.of("float", "int", "categorical"), proposal.getList("space.parameters.type"));
        assertEquals(0.8, proposal.getDouble("space.parameters[0].high"), 1e-12);
        assertEquals(true, proposal.getBoolean("space.parameters[1].log"));
        assertTrue(proposal.getList("dropped").isEmpty());
        assertTrue(proposal.getString("exchanges[0].system").contains("float, int, categorical and bool"));
    }

    @Test
    void badRequestsAreRefusedInWords() {
        given().contentType(ContentType.JSON).body(study("../etc", "sobol", 3)).post("/api/studies").then().statusCode(400)
                .body("title", equalTo("Bad study name"));
        given().get("/api/studies/no-such-study").then().statusCode(404).body("detail", containsString("no-such-study"));
        given().get("/api/studies/bad%20name").then().statusCode(400);
        String badSpace = """
                {"name": "bad-space", "space": {"parameters": [{"name": "lr", "type": "float", "low": 0, "high": 1, "log": true},
                 {"name": "depth", "type": "tree"}]}}""";
        String detail = given().contentType(ContentType.JSON).body(badSpace).post("/api/studies").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).extract().path("detail");
        assertTrue(detail.contains("parameter 'lr': a log scale needs low > 0") && detail.contains("type 'tree'"), detail);
        given().contentType(ContentType.JSON).body(study("dir-bad", "sobol", 3).replace("minimize", "sideways"))
                .post("/api/studies").then().statusCode(400).body("title", equalTo("Bad direction"));
        given().contentType(ContentType.JSON).body(study("warm-bad", "annealing", 3)).post("/api/studies").then().statusCode(400)
                .body("detail", containsString("llm, sobol, lhs or random"));

        given().delete("/api/studies/limits");
        given().contentType(ContentType.JSON).body(study("limits", "sobol", 3)).post("/api/studies").then().statusCode(201);
        given().get("/api/studies/limits/suggestions?q=17").then().statusCode(400).body("detail", containsString("between 1 and 16"));
        int number = given().get("/api/studies/limits/suggestions").then().extract().path("[0].number");
        given().contentType(ContentType.JSON).body("{}").post("/api/studies/limits/trials/" + number).then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"value\": \"high\"}").post("/api/studies/limits/trials/" + number).then().statusCode(400)
                .body(not(containsString("Exception")));
        given().contentType(ContentType.JSON).body(Map.of("value", 1.0)).post("/api/studies/limits/trials/" + number).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("value", 2.0)).post("/api/studies/limits/trials/" + number).then().statusCode(409)
                .body("detail", containsString("already complete"));
        given().contentType(ContentType.JSON).body(Map.of("value", 2.0)).post("/api/studies/limits/trials/99").then().statusCode(404);
        assertNotEquals(0, (int) given().get("/api/studies/limits").then().extract().path("trials.size()"));
        given().delete("/api/studies/limits");
    }
}

package dev.optagent.app.server;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A client that hangs up frees its solver slot: with one slot, a 60 s limit and a 10 s queue wait, a small solve sent
 * after a hard one's client went away answers (it would get 503 if the abandoned solve ran on to its limit).
 */
@QuarkusTest
@TestProfile(AbandonedSolveTest.OneSlot.class)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class AbandonedSolveTest {

    public static class OneSlot implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("optagent.max-concurrent-solves", "1", "optagent.express-solves", "0",
                    "optagent.queue-wait", "10s", "optagent.solve-time-limit", "60s");
        }
    }

    @TestHTTPResource("/")
    URI base;

    /** Market split (Cornuejols-Dawande), 4 rows x 40 binaries: no engine settles it within a minute here. */
    private static String hardModel() {
        Random random = new Random(11);
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < 4; r++) {
            int sum = 0;
            StringBuilder row = new StringBuilder();
            for (int i = 0; i < 40; i++) {
                int v = random.nextInt(100);
                sum += v;
                row.append(i == 0 ? "" : ",").append(v);
            }
            a.append(r == 0 ? "" : ",").append('[').append(row).append(']');
            b.append(r == 0 ? "" : ",").append(sum / 2);
        }
        return ("{\"sets\": [{\"name\": \"I\", \"range\": [1, 40]}, {\"name\": \"R\", \"range\": [1, 4]}],"
                + " \"parameters\": [{\"name\": \"a\", \"index\": [\"R\", \"I\"], \"values\": [%s]}, {\"name\": \"b\", \"index\": [\"R\"], \"values\": [%s]}],"
                + " \"variables\": [{\"name\": \"x\", \"index\": [\"I\"], \"type\": \"binary\"}, {\"name\": \"s\", \"index\": [\"R\"]}, {\"name\": \"t\", \"index\": [\"R\"]}],"
                + " \"objective\": {\"sense\": \"minimize\", \"expression\": \"sum(s[r] + t[r] for r in R)\"},"
                + " \"constraints\": [{\"name\": \"split\", \"for\": \"r in R\", \"expression\": \"sum(a[r, i] * x[i] for i in I) + s[r] - t[r] == b[r]\"}]}")
                .formatted(a, b);
    }

    private static final String SMALL_MILP = """
            {"variables": [{"name": "x", "type": "integer", "upper": 10}, {"name": "y", "type": "integer", "upper": 10}],
             "objective": {"sense": "maximize", "expression": "5 * x + 4 * y"},
             "constraints": [{"name": "budget", "expression": "6 * x + 4 * y <= 24"}, {"name": "mix", "expression": "x + 2 * y <= 6"}]}
            """;

    @Test
    @org.junit.jupiter.api.Order(1)
    void aClientThatHangsUpRightAwayBreaksNothing() throws Exception {
        // when this is the process's first solve, the hang-up comes while OR-Tools' natives load (NativeLibraries)
        hangUpAfter(hardModel(), 300);
        Response small = given().contentType(ContentType.JSON).body(SMALL_MILP).post("/api/formulations/solve");
        assertEquals(200, small.statusCode(), small.asString());
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void aClientThatHangsUpFreesItsSolverSlot() throws Exception {
        given().contentType(ContentType.JSON).body(SMALL_MILP).post("/api/formulations/solve").then().statusCode(200);
        hangUpAfter(hardModel(), 2000); // the hard solve is under way and holds the only slot

        Response small = given().contentType(ContentType.JSON).body(SMALL_MILP).post("/api/formulations/solve");
        assertEquals(200, small.statusCode(), small.asString());
        assertEquals("OPTIMAL", small.path("status"));
    }

    /** Sends the solve request, waits, and closes the connection without reading the answer. */
    private void hangUpAfter(String model, long millis) throws Exception {
        byte[] body = model.getBytes(StandardCharsets.UTF_8);
        try (Socket client = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = client.getOutputStream();
            out.write(("POST /api/formulations/solve HTTP/1.1\r\nHost: " + base.getHost() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            Thread.sleep(millis);
        }
    }
}

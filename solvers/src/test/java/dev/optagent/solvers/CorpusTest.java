package dev.optagent.solvers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.optagent.formulation.FormulationJson;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Solves every model of the test corpus ({@code corpus/NAME.json}) and compares with its independently
 * verified expectation ({@code corpus/NAME.expected.json}; see {@code src/test/corpus-verification}).
 */
class CorpusTest {

    private static final double RELATIVE = 1e-6;

    @TestFactory
    Stream<DynamicTest> everyCorpusModelMatchesItsVerifiedOptimum() throws IOException, URISyntaxException {
        Path corpus = Path.of(CorpusTest.class.getResource("/corpus").toURI());
        List<Path> models = new ArrayList<>();
        try (Stream<Path> files = Files.list(corpus)) {
            files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().forEach(models::add);
        }
        assertTrue(models.size() >= 40, "the corpus should hold at least 40 models, found " + models.size());
        ModelSolver solver = new ModelSolver();
        return models.stream().map(model -> DynamicTest.dynamicTest(model.getFileName().toString(), () -> check(solver, model)));
    }

    private static void check(ModelSolver solver, Path model) throws IOException {
        Path expectedFile = model.resolveSibling(model.getFileName().toString().replace(".json", ".expected.json"));
        JsonNode expected = FormulationJson.mapper().readTree(expectedFile.toFile());
        Solution solution = solver.solve(FormulationJson.read(model), SolveOptions.defaults().withTimeLimit(Duration.ofSeconds(30)));
        String status = expected.get("status").asText();
        assertEquals(status, solution.status().name(), () -> "status; message: " + solution.message());
        switch (status) {
            case "OPTIMAL" -> {
                double want = expected.get("objective").asDouble();
                double got = solution.objective() == null ? 0 : solution.objective();
                assertEquals(want, got, RELATIVE * Math.max(1, Math.abs(want)), "objective");
                assertTrue(solution.verification().passed(), "verification");
            }
            case "INFEASIBLE" -> {
                List<String> conflict = new ArrayList<>();
                expected.get("conflict").forEach(n -> conflict.add(n.asText()));
                assertEquals(conflict.stream().sorted().toList(), solution.diagnosis().constraints().stream().sorted().toList(), "conflict");
            }
            case "UNBOUNDED" -> {
                List<String> runaway = solution.diagnosis().runaway();
                assertFalse(runaway.isEmpty(), "runaway variables");
                expected.get("runaway").forEach(n -> assertTrue(runaway.stream().anyMatch(r -> r.equals(n.asText()) || r.startsWith(n.asText() + "[")),
                        () -> n.asText() + " not among " + runaway));
            }
            default -> throw new AssertionError("unknown expected status " + status);
        }
        if (expected.has("class")) {
            assertEquals(expected.get("class").asText(), solution.problemClass().name(), "problem class");
        }
    }
}

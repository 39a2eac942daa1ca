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
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hard-model corpus ({@code hard-corpus/NAME.json}, optima from {@code src/test/hard-corpus-verification/verify_hard.py}):
 * every model must end proven optimal at its independently known optimum within the default 60 s limit.
 * Timings are measured by {@code optagent bench}, not here.
 */
class HardCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyHardModelIsProvenAtItsKnownOptimum() throws IOException, URISyntaxException {
        Path corpus = Path.of(HardCorpusTest.class.getResource("/hard-corpus").toURI());
        List<Path> models;
        try (Stream<Path> files = Files.list(corpus)) {
            models = files.filter(p -> p.toString().endsWith(".json") && !p.toString().endsWith(".expected.json")).sorted().toList();
        }
        assertTrue(models.size() >= 5, "five hard models expected, found " + models.size());
        ModelSolver solver = new ModelSolver();
        return models.stream().map(model -> DynamicTest.dynamicTest(model.getFileName().toString(), () -> {
            JsonNode expected = FormulationJson.mapper().readTree(
                    model.resolveSibling(model.getFileName().toString().replace(".json", ".expected.json")).toFile());
            Solution s = solver.solve(FormulationJson.read(model), SolveOptions.defaults().withDiagnosis(false).withTimeLimit(Duration.ofSeconds(60)));
            assertEquals(SolveStatus.OPTIMAL, s.status(), () -> s.message());
            double want = expected.get("objective").asDouble();
            assertEquals(want, s.objective(), 1e-6 * Math.max(1, Math.abs(want)));
            assertTrue(s.verification().passed());
        }));
    }
}

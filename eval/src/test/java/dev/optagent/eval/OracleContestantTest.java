package dev.optagent.eval;

import dev.optagent.agent.AgentStatus;
import dev.optagent.datasets.Dataset;
import dev.optagent.datasets.Problem;
import dev.optagent.solvers.ModelSolver;
import dev.optagent.solvers.SolveOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Oracle mode: formulation files instead of a model, scored by the same runner. */
class OracleContestantTest {

    @TempDir
    Path dir;

    @Test
    void scoresFormulationFilesAndNamesMissingAndInvalidOnes() throws IOException {
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.writeString(models.resolve("desk-1.json"), """
                {"parameters": [{"name": "wood", "value": 12}],
                 "variables": [{"name": "desks", "type": "integer"}, {"name": "chairs", "type": "integer"}],
                 "objective": {"sense": "maximize", "expression": "30 * desks + 10 * chairs"},
                 "constraints": [{"name": "timber", "expression": "4 * desks + chairs <= wood"}]}""");
        Files.writeString(models.resolve("desk-2.json"), """
                {"variables": [{"name": "x"}], "objective": {"sense": "maximize", "expression": "x + y"}}""");
        Files.writeString(models.resolve("desk-3.json"), """
                {"variables": [{"name": "x"}], "objective": {"sense": "feasible"}, "constraints": [{"name": "both", "expression": "x >= 5"}, {"name": "cap", "expression": "x <= 3"}]}""");
        List<Problem> problems = List.of(
                new Problem("desk-1", "Desks and chairs from 12 units of wood.", 120.0, null, null, Map.of("desks", 0.0, "chairs", 12.0)),
                new Problem("desk-2", "Broken model.", 1.0, null, null),
                new Problem("desk-3", "Impossible.", null, null, null),
                new Problem("desk-4", "No file.", 1.0, null, null));
        Contestant oracle = new OracleContestant(models, new ModelSolver(), SolveOptions.defaults());
        List<ProblemResult> results = new EvalRunner(oracle, new PrintStream(new ByteArrayOutputStream()))
                .run(new Dataset("desks", problems, List.of()), new EvalOptions(dir.resolve("run"), 0, Set.of(), 2, Duration.ofSeconds(60), 0, 1));
        Map<String, ProblemResult> byId = new java.util.HashMap<>();
        results.forEach(r -> byId.put(r.id(), r));

        assertTrue(byId.get("desk-1").correctStrict());
        assertEquals(Boolean.TRUE, byId.get("desk-1").correctOptiBench(), "chairs=12 and desks=0 or an equal-valued plan");
        assertEquals(0, byId.get("desk-1").llmCalls());
        assertEquals(FailureCategory.INVALID_FORMULATION, byId.get("desk-2").failure());
        assertTrue(byId.get("desk-2").message().contains("y"), byId.get("desk-2").message());
        assertEquals(AgentStatus.INFEASIBLE, byId.get("desk-3").status());
        assertTrue(byId.get("desk-3").correctStrict(), "a proved infeasibility matches a null gold answer");
        assertEquals(FailureCategory.NO_FORMULATION, byId.get("desk-4").failure());
        assertFalse(byId.get("desk-4").correctLenient());
    }

    /** A record naming a scenario is scored by that scenario's answer; otherwise the base's, with all scenarios reported. */
    @Test
    void aRecordsScenarioIsScoredAndAllScenariosAreReported() throws IOException {
        Path models = Files.createDirectories(dir.resolve("scenario-models"));
        String model = """
                {"parameters": [{"name": "cap", "value": 8}],
                 "variables": [{"name": "x", "type": "integer"}],
                 "objective": {"sense": "maximize", "expression": "x"},
                 "constraints": [{"name": "limit", "expression": "x <= cap"}],
                 "scenarios": [{"name": "a", "parameters": [{"name": "cap", "value": 5}]},
                               {"name": "b", "parameters": [{"name": "cap", "value": 3}]}]}""";
        Files.writeString(models.resolve("s-1.json"), model);
        Files.writeString(models.resolve("s-2.json"), model);
        Files.writeString(models.resolve("s-3.json"), model);
        List<Problem> problems = List.of(
                new Problem("s-1", "Scenario b asked.", 3.0, null, null, Map.of(), "b"),
                new Problem("s-2", "No scenario named.", 8.0, null, null),
                new Problem("s-3", "Scenario a asked, wrong gold.", 8.0, null, null, Map.of(), "a"));
        Contestant oracle = new OracleContestant(models, new ModelSolver(), SolveOptions.defaults());
        List<ProblemResult> results = new EvalRunner(oracle, new PrintStream(new ByteArrayOutputStream()))
                .run(new Dataset("scen", problems, List.of()), new EvalOptions(dir.resolve("run-s"), 0, Set.of(), 2, Duration.ofSeconds(60), 0, 1));
        Map<String, ProblemResult> byId = new java.util.HashMap<>();
        results.forEach(r -> byId.put(r.id(), r));
        assertTrue(byId.get("s-1").correctStrict(), "scenario b: x = 3");
        assertEquals(3.0, byId.get("s-1").predicted());
        assertTrue(byId.get("s-2").correctStrict(), "the base: x = 8");
        assertEquals(Map.of("a", 5.0, "b", 3.0), byId.get("s-2").scenarios());
        assertFalse(byId.get("s-3").correctStrict(), "scenario a is 5, not the base's 8");
    }
}

package dev.optagent.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SolveModelCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.execute(args);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    /** Wyndor Glass: the report and --json carry the ranges (hand-computed in SensitivityAnalysisTest). */
    @Test
    void anLpReportsItsRangesInTheReportAndTheJson() throws Exception {
        Path wyndor = write("wyndor.json", """
                {"variables": [{"name": "doors", "lower": 0}, {"name": "windows", "lower": 0}],
                 "objective": {"sense": "maximize", "expression": "3 * doors + 5 * windows"},
                 "constraints": [{"name": "plant1", "expression": "doors <= 4"}, {"name": "plant2", "expression": "2 * windows <= 12"},
                                 {"name": "plant3", "expression": "3 * doors + 2 * windows <= 18"}]}""");
        CliRun report = run("solve-model", wyndor.toString());
        assertEquals(0, report.exit(), report.err());
        assertTrue(report.out().contains("limit of plant2 12 can move within [6, 18] at shadow price 1.5"), report.out());
        assertTrue(report.out().contains("cost of doors 3 can move within [0, 7.5] with the plan unchanged"), report.out());
        JsonNode json = JSON.readTree(run("solve-model", "--json", wyndor.toString()).out());
        JsonNode plant3 = json.path("sensitivity").path("constraints").path("plant3").path("range");
        assertEquals(12, plant3.path("from").asDouble(), 1e-6);
        assertEquals(24, plant3.path("to").asDouble(), 1e-6);
        assertTrue(json.path("sensitivity").path("variables").path("windows").path("costRange").path("to").isNull(), "no upper end");
    }

    @Test
    void hostileFilesEachAnswerOneJsonLineInTheirOwnWordsAndLongSumsSolve() throws IOException {
        String model = """
                {"variables": [{"name": "x", "upper": 10}], "objective": {"sense": "minimize", "expression": "x"},
                 "constraints": [{"name": "c", "expression": "%s"}]}""";
        List<Path> files = List.of(
                write("deep.json", model.formatted("(".repeat(1000) + "x" + ")".repeat(1000) + " >= 1")),
                write("nan.json", model.formatted("x >= 1e308 * 10")),
                write("coef.json", model.formatted("1e308 * x >= 1")),
                write("empty.json", "{}"),
                write("nanliteral.json", "{\"variables\": [{\"name\": \"x\", \"upper\": NaN}]}"),
                write("shape.json", "{\"variables\": [{\"name\": \"x\"}], \"constraints\": [{\"name\": [\"a\"], \"expression\": \"x >= 1\"}]}"),
                Files.write(dir.resolve("latin1.json"), new byte[] {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xFF, '"', '}'}),
                write("sum.json", model.formatted("x" + " + x".repeat(99_999) + " >= 1")));
        CliRun run = run(java.util.stream.Stream.concat(java.util.stream.Stream.of("solve-model", "--json"),
                files.stream().map(Path::toString)).toArray(String[]::new));
        List<String> lines = run.out().lines().toList();
        assertEquals(files.size(), lines.size(), run.out());
        List<String> expected = List.of("nests deeper than 100", "Infinity", "coefficient of x is 1.0E308", "no variables",
                "NaN is not a number in JSON", "constraints[0].name: expected a text, found a list", "byte 0xFF at offset 9");
        for (int k = 0; k < files.size(); k++) {
            JsonNode line = JSON.readTree(lines.get(k));
            assertEquals(files.get(k).toString(), line.get("file").asText());
            assertFalse(lines.get(k).matches(".*(java\\.|Exception|JsonToken|`).*"), lines.get(k));
            if (k < expected.size()) {
                assertEquals("INVALID", line.get("status").asText(), lines.get(k));
                assertTrue(line.get("errors").toString().contains(expected.get(k)), lines.get(k));
            } else {
                assertEquals("OPTIMAL", line.get("status").asText(), lines.get(k));
                assertEquals(1e-5, line.get("objective").asDouble(), 1e-9);
            }
        }
    }

    @Test
    void jsonLinesForOptimalInfeasibleAndInvalidFilesInOneProcess() throws IOException {
        Path optimal = write("knap.json", """
                {"variables": [{"name": "x", "type": "integer", "upper": 10}, {"name": "y", "type": "integer", "upper": 10}],
                 "objective": {"sense": "maximize", "expression": "5 * x + 4 * y"},
                 "constraints": [{"name": "budget", "expression": "6 * x + 4 * y <= 24"}, {"name": "mix", "expression": "x + 2 * y <= 6"}]}
                """);
        Path infeasible = write("clash.json", """
                {"variables": [{"name": "x"}], "objective": {"sense": "feasible"},
                 "constraints": [{"name": "low", "expression": "x <= 2"}, {"name": "high", "expression": "x >= 5"}, {"name": "free", "expression": "x <= 9"}]}
                """);
        Path invalid = write("typo.json", """
                {"variables": [{"name": "x"}], "objective": {"sense": "minimize", "expression": "xx + 1"}}
                """);
        CliRun run = run("solve-model", "--json", optimal.toString(), infeasible.toString(), invalid.toString(), dir.resolve("missing.json").toString());
        assertEquals(1, run.exit());
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());

        JsonNode first = JSON.readTree(lines.get(0));
        assertEquals(optimal.toString(), first.get("file").asText());
        assertEquals("OPTIMAL", first.get("status").asText());
        // The LP relaxation peaks at x = 3, y = 1.5 (21); the integer optimum is x = 4, y = 0.
        assertEquals(20.0, first.get("objective").asDouble(), 1e-9);
        assertTrue(first.get("verification").get("passed").asBoolean());
        assertEquals(2, first.get("variables").size());

        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("INFEASIBLE", second.get("status").asText());
        assertEquals(List.of("low", "high"), JSON.convertValue(second.get("diagnosis").get("constraints"), List.class));

        JsonNode third = JSON.readTree(lines.get(2));
        assertEquals("INVALID", third.get("status").asText());
        assertTrue(third.get("errors").get(0).asText().contains("did you mean 'x'"), third.toString());

        JsonNode fourth = JSON.readTree(lines.get(3));
        assertEquals("no such file", fourth.get("message").asText());
        assertFalse(run.out().contains("Exception"));
        assertFalse(run.err().contains("at dev.optagent"));
    }

    @Test
    void readableReportShowsStatusObjectiveAndDecisions() throws IOException {
        Path file = write("lp.json", """
                {"name": "two-products", "variables": [{"name": "chairs"}, {"name": "tables"}],
                 "objective": {"sense": "maximize", "expression": "30 * chairs + 50 * tables"},
                 "constraints": [{"name": "wood", "expression": "2 * chairs + 4 * tables <= 40"},
                                 {"name": "hours", "expression": "3 * chairs + 2 * tables <= 36"}]}
                """);
        CliRun run = run("solve-model", file.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("status     OPTIMAL (global)"), run.out());
        // 2c + 4t = 40 and 3c + 2t = 36 -> c = 8, t = 6 -> 540.
        assertTrue(run.out().contains("objective  540"), run.out());
        assertTrue(run.out().contains("chairs"), run.out());
    }

    /** README: 0 only when every file was solved or diagnosed; an engine that cannot take the model is neither. */
    @Test
    void aChosenEngineThatCannotTakeTheModelExitsNonZero() throws IOException {
        Path file = write("integers.json", """
                {"variables": [{"name": "n", "type": "integer", "upper": 7}],
                 "objective": {"sense": "maximize", "expression": "n"}}
                """);
        CliRun glop = run("solve-model", "--json", "--backend", "glop", file.toString());
        assertEquals(3, glop.exit(), glop.out());
        assertTrue(glop.out().contains("\"status\":\"ERROR\""), glop.out());
        CliRun scip = run("solve-model", "--json", "--backend", "scip", file.toString());
        assertEquals(0, scip.exit(), scip.out());
    }

    @Test
    void unknownBackendIsAClearErrorNotAStackTrace() {
        CliRun run = run("solve-model", "--backend", "gurobi", "x.json");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("unknown backend 'gurobi'"), run.err());
        assertFalse(run.err().contains("at dev.optagent"), run.err());
    }

    @Test
    void exportWritesLpAndRefusesWhatLpCannotHold() throws IOException {
        Path file = write("abs.json", """
                {"variables": [{"name": "x", "lower": -5, "upper": 5}],
                 "objective": {"sense": "minimize", "expression": "abs(x - 2)"}}
                """);
        CliRun refused = run("export", "--format", "lp", file.toString());
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("abs"), refused.err());

        Path linear = write("lin.json", """
                {"variables": [{"name": "x", "upper": 4}], "objective": {"sense": "maximize", "expression": "2 * x"},
                 "constraints": [{"name": "cap", "expression": "x <= 3"}]}
                """);
        CliRun lp = run("export", "--format", "lp", linear.toString());
        assertEquals(0, lp.exit(), lp.err());
        assertTrue(lp.out().contains("Maximize"), lp.out());
        assertTrue(lp.out().contains("cap: x <= 3"), lp.out());
    }

    /** The contract outside checks read: per constraint instance dual and slack for an LP; relaxation when INFEASIBLE. */
    @Test
    void jsonCarriesDualAndSlackPerInstanceAndTheRelaxationOfAnInfeasibleModel() throws IOException {
        Path lp = write("lp.json", """
                {"sets": [{"name": "R", "elements": ["wood", "hours"]}],
                 "parameters": [{"name": "cap", "index": ["R"], "values": [40, 36]}],
                 "variables": [{"name": "chairs", "lower": 0}, {"name": "tables", "lower": 0}],
                 "objective": {"sense": "maximize", "expression": "30 * chairs + 50 * tables"},
                 "constraints": [{"name": "wood", "expression": "2 * chairs + 4 * tables <= 40"},
                                 {"name": "hours", "expression": "3 * chairs + 2 * tables <= 36"},
                                 {"name": "few", "expression": "chairs <= 20"}]}
                """);
        Path clash = write("clash.json", """
                {"variables": [{"name": "x"}], "objective": {"sense": "feasible"},
                 "constraints": [{"name": "low", "expression": "x <= 2"}, {"name": "high", "expression": "x >= 5"}]}
                """);
        List<String> lines = run("solve-model", "--json", lp.toString(), clash.toString()).out().lines().toList();
        JsonNode constraints = JSON.readTree(lines.get(0)).get("sensitivity").get("constraints");
        // By hand at c = 8, t = 6: duals y solve 2y1 + 3y2 = 30, 4y1 + 2y2 = 50 -> y1 = 11.25, y2 = 2.5; "few" has 12 to spare.
        assertEquals(11.25, constraints.get("wood").get("dual").asDouble(), 1e-9);
        assertEquals(2.5, constraints.get("hours").get("dual").asDouble(), 1e-9);
        assertEquals(0, constraints.get("wood").get("slack").asDouble(), 1e-9);
        assertEquals(12, constraints.get("few").get("slack").asDouble(), 1e-9);
        assertEquals(0, constraints.get("few").get("dual").asDouble(), 1e-9);

        JsonNode infeasible = JSON.readTree(lines.get(1));
        assertEquals("INFEASIBLE", infeasible.get("status").asText());
        JsonNode change = infeasible.get("relaxation").get("changes").get(0);
        assertEquals(3, infeasible.get("relaxation").get("totalViolation").asDouble(), 1e-9, "x <= 2 against x >= 5");
        assertTrue(List.of("low", "high").contains(change.get("constraint").asText()), change.toString());
        assertEquals(3, change.get("amount").asDouble(), 1e-9);
        assertFalse(infeasible.toString().contains("MPSOLVER"), infeasible.toString());
    }

    @Test
    void aProblemInWordsIsPointedToSolveAndTheFormatIsCaseInsensitive() throws IOException {
        Path words = write("problem.txt", "A bakery makes bread and muffins. Maximise profit.");
        CliRun run = run("solve-model", words.toString());
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("optagent solve --file " + words), run.out());
        Path linear = write("lin.json", """
                {"name": "tiny", "variables": [{"name": "x", "upper": 4}], "objective": {"sense": "maximize", "expression": "2 * x"}}
                """);
        CliRun latex = run("export", "--format", "LaTeX", "--standalone", linear.toString());
        assertEquals(0, latex.exit(), latex.err());
        assertTrue(latex.out().startsWith("\\documentclass{article}") && latex.out().contains("\\end{document}"), latex.out());
    }

    @Test
    void helpHasExamplesAndTheReportNamesTheEngineOnce() throws IOException {
        assertTrue(run("--help").out().contains("Examples:"));
        Path milp = write("m.json", """
                {"variables": [{"name": "x", "type": "integer", "upper": 4}], "objective": {"sense": "maximize", "expression": "2 * x"}}
                """);
        String out = run("solve-model", milp.toString()).out();
        assertFalse(out.contains("SCIP SCIP"), out);
    }
}

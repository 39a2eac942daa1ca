package dev.optagent.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.library.model.Created;
import dev.optagent.library.model.Evidence;
import dev.optagent.library.model.Example;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.Provenance;
import dev.optagent.library.model.Status;
import dev.optagent.library.model.Taxonomy;
import dev.optagent.library.store.JsonFileStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.optagent.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.*;

class LibraryCommandTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PROBLEM = "Pack bags: each bag earns a profit of 4, at most 12 bags fit on the shelf. Maximize the profit.";

    private static String reply(int profit) {
        return """
                ```json
                {"name": "bags", "parameters": [{"name": "profit", "value": %d}, {"name": "most", "value": 12}],
                 "variables": [{"name": "bags", "type": "integer"}],
                 "objective": {"sense": "maximize", "expression": "profit * bags"},
                 "constraints": [{"name": "limit", "expression": "bags <= most"}]}
                ```""".formatted(profit);
    }

    private static final String LESSON = "Keep each per-bag profit exactly as stated.";
    private static final String DIAGNOSIS = """
            ```json
            {"rootCause": "the profit per bag was halved",
             "insights": [{"taxonomy": {"stage": "formulate", "level1": "general formulation", "level2": "units and scaling"},
               "condition": "This applies when the problem packs bags and states a profit for each bag, e.g. 'each bag earns a profit'. It does not apply when profits are per shelf.",
               "explanation": "%s", "example": {"wrong": "{\\"name\\": \\"profit\\", \\"value\\": 2}", "right": "{\\"name\\": \\"profit\\", \\"value\\": 4}"}}]}
            ```""".formatted(LESSON);

    @AfterEach
    void restoreModels() {
        CliRun.restoreModels();
    }

    private Path dataset() throws Exception {
        Path file = dir.resolve("toy.jsonl");
        Files.writeString(file, JSON.writeValueAsString(java.util.Map.of("id", "toy-1", "question", PROBLEM, "answer", 48)) + "\n");
        return file;
    }

    private Path libraryWith(Insight insight) {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "t");
        store.update(l -> l.with(insight));
        return store.file();
    }

    private static Insight insight(String condition, String explanation) {
        return new Insight("ins-test", 1, List.of(), Status.ACTIVE, "test", new Created("2026-01-01", "person", "test"),
                new Taxonomy("formulate", "general formulation", "units and scaling"), condition, explanation, new Example("w", "r"),
                Evidence.from(List.of("toy-0")));
    }

    @Test
    void showJsonPrintsTheDefaultLibraryAsOneArrayOfInsights() throws Exception {
        String[] run = run("library", "show", "--json");
        assertEquals("0", run[0], run[2]);
        assertTrue(JSON.readTree(run[1]).isArray());

        Path file = libraryWith(insight("This applies when bags are packed.", LESSON));
        JsonNode shown = JSON.readTree(run("library", "show", "--json", file.toString())[1]);
        assertEquals(1, shown.size());
        for (String field : List.of("id", "status", "taxonomy", "condition", "explanation", "example", "evidence")) {
            assertTrue(shown.get(0).has(field), field);
        }
        assertEquals(0, JSON.readTree(run("library", "show", "--json", "--stage", "repair", file.toString())[1]).size());
        assertEquals(1, JSON.readTree(run("library", "show", "--json", "--label", "units and scaling", file.toString())[1]).size());
        assertTrue(run("library", "stats", file.toString())[1].contains("insights: 1 {active=1}"));
        assertTrue(run("library", "diff", "none", file.toString())[1].contains("+ ins-test [active]"));
    }

    @Test
    void withNoneOrTheEmptyDefaultThePromptsAreByteForByteTheSameAndARelevantInsightIsShown() throws Exception {
        ScriptedChatModel none = ScriptedChatModel.of(reply(4));
        SolveCommand.models = () -> none;
        assertEquals("0", run("solve", "--json", "--library", "none", PROBLEM)[0]);
        ScriptedChatModel empty = ScriptedChatModel.of(reply(4));
        SolveCommand.models = () -> empty;
        assertEquals("0", run("solve", "--json", "--library", "default", PROBLEM)[0]);
        assertEquals(none.requests().getFirst().messages(), empty.requests().getFirst().messages());

        Path file = libraryWith(insight("This applies when the problem packs bags and states a profit for each bag.", LESSON));
        ScriptedChatModel withLibrary = ScriptedChatModel.of(reply(4));
        SolveCommand.models = () -> withLibrary;
        JsonNode result = JSON.readTree(run("solve", "--json", "--trace", "--library", file.toString(), PROBLEM)[1]);
        String system = ((SystemMessage) withLibrary.requests().getFirst().messages().getFirst()).text();
        assertTrue(system.contains(LESSON), system);
        assertEquals("ins-test", result.path("trace").get(0).path("knobs").path("insights").get(0).asText());
    }

    @Test
    void learnKeepsAVerifiedInsightWritesTheReportAndEvalRecordsTheLibrary() throws Exception {
        Path data = dataset();
        Path out = dir.resolve("learned.json");
        ScriptedChatModel model = ScriptedChatModel.of(reply(2), DIAGNOSIS, reply(4), reply(4));
        SolveCommand.models = () -> model;
        String[] run = run("library", "learn", "--dataset", data.toString(), "--out", out.toString(), "--budget-calls", "50");
        assertEquals("0", run[0], run[2]);
        assertTrue(run[1].contains("1 of 1 tasks finished; 1 insights added, 0 merged, 0 rejected; 4 LLM calls"), run[1]);
        Library learned = new JsonFileStore(out).load();
        assertEquals(1, learned.active().size());
        assertEquals(List.of("toy-1"), learned.provenance().trainingIds());
        assertFalse(learned.provenance().measured());
        assertTrue(Files.readString(dir.resolve("learned.json.report.md")).contains("| insights added | 1 |"));

        String system = ((SystemMessage) model.requests().get(2).messages().getFirst()).text();
        assertTrue(system.contains(LESSON), "the re-solve was shown the candidate");

        SolveCommand.models = () -> ScriptedChatModel.of(reply(4));
        Path runDir = dir.resolve("run");
        assertEquals("0", run("eval", "--dataset", data.toString(), "--out", runDir.toString(), "--library", out.toString())[0]);
        JsonNode recorded = JSON.readTree(runDir.resolve("run.json").toFile()).path("starts").get(0).path("library");
        assertEquals(out.toString(), recorded.path("spec").asText());
        assertEquals(64, recorded.path("sha256").asText().length());
        assertEquals(1, recorded.path("activeInsights").asInt());
    }

    @Test
    void learnWithoutTasksSaysWhatIsMissing() {
        String[] run = run("library", "learn", "--out", dir.resolve("x.json").toString());
        assertEquals("2", run[0]);
        assertTrue(run[2].contains("give the training tasks with --dataset"), run[2]);
        String[] missing = run("library", "show", dir.resolve("missing.json").toString());
        assertEquals("2", missing[0]);
        assertTrue(missing[2].startsWith("optagent: no library file"), missing[2]);
    }
}

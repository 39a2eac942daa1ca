package dev.optagent.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.optagent.agent.llm.ScriptedChatModel;
import dev.optagent.workflow.Workflow;
import dev.optagent.workflow.WorkflowFile;
import dev.optagent.workflow.param.ParameterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static dev.optagent.app.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The workflow commands' contract, and {@code --workflow} honoured by solve and eval. */
class WorkflowCommandTest {

    private static final String PROBLEM = "Pack bags: 4 profit per bag, at most 12 bags. Maximize profit.";
    private static final String TYPO = """
            ```json
            {"name": "bags", "parameters": [{"name": "profit", "value": 4}, {"name": "most", "value": 12}],
             "variables": [{"name": "bags", "type": "integer", "description": "bags packed", "unit": "bags"}],
             "objective": {"sense": "maximize", "expression": "proft * bags"},
             "constraints": [{"name": "limit", "expression": "bags <= most"}]}
            ```""";
    private static final String RIGHT = TYPO.replace("proft", "profit");
    private static final String MARK = "Fix the first finding before any other.";

    @TempDir
    Path dir;

    @AfterEach
    void restoreModels() {
        CliRun.restoreModels();
    }

    private Path tuned() {
        String repair = (String) Workflow.defaults().value(ParameterRegistry.REPAIR_INSTRUCTIONS);
        Workflow workflow = Workflow.defaults().with(Map.of(ParameterRegistry.REPAIR_INSTRUCTIONS, repair + "\n" + MARK))
                .named("tuned", "test", Map.of());
        Path file = dir.resolve("tuned.json");
        WorkflowFile.write(file, workflow);
        return file;
    }

    @Test
    void showJsonWithoutAFilePrintsTheDefaultAsAValidWorkflowFile() throws Exception {
        String[] shown = run("workflow", "show", "--json");
        assertEquals("0", shown[0], shown[2]);
        Path file = dir.resolve("default.json");
        Files.writeString(file, shown[1]);
        assertEquals(Workflow.defaults().checksum(), WorkflowFile.read(file).checksum());
        String[] valid = run("workflow", "validate", file.toString());
        assertEquals("0", valid[0], valid[2]);
        assertTrue(valid[1].contains("0 parameter(s) differ"), valid[1]);
        assertTrue(run("workflow", "show").clone()[1].contains("repair.rounds"));
    }

    @Test
    void validateExitsNonZeroOnAnInvalidFile() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, WorkflowFile.toJson(Workflow.defaults()).replace("\"samples\" : 1", "\"samples\" : 0"));
        String[] result = run("workflow", "validate", bad.toString());
        assertEquals("1", result[0]);
        assertTrue(result[2].contains("samples = 0 is outside [1, 7]"), result[2]);
        assertEquals("1", run("workflow", "validate", dir.resolve("none.json").toString())[0]);
        String[] diff = run("workflow", "diff", tuned().toString(), tuned().toString());
        assertEquals("no parameter differs", diff[1].strip());
    }

    @Test
    void solveHonoursTheWorkflowFile() throws Exception {
        ScriptedChatModel model = ScriptedChatModel.of(TYPO, RIGHT);
        SolveCommand.models = () -> model;
        String[] result = run("solve", "--json", "--trace", "--workflow", tuned().toString(), PROBLEM);
        assertEquals("0", result[0], result[2]);
        assertTrue(model.requests().get(1).messages().getFirst().toString().contains(MARK), "the repair call got the workflow's text");
        JsonNode trace = new ObjectMapper().readTree(result[1]).get("trace");
        String label = "tuned@" + WorkflowFile.read(tuned()).checksum().substring(0, 12);
        assertEquals(label, trace.get(0).get("knobs").get("workflow").asText());
        String[] bad = run("solve", "--workflow", dir.resolve("none.json").toString(), PROBLEM);
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("no workflow file"), bad[2]);
    }

    @Test
    void optimizeWritesAWorkflowACheckpointAndAReport() throws Exception {
        Path data = dir.resolve("bags.jsonl");
        Files.writeString(data, "{\"id\": \"bags-1\", \"question\": \"" + PROBLEM + "\", \"answer\": 48}\n");
        // One model answers both the agent and the optimizer, in this order: validation baseline, the minibatch
        // run (a repair), the optimizer, then the candidate on validation.
        ScriptedChatModel model = ScriptedChatModel.of(RIGHT, TYPO, RIGHT,
                "{\"reasoning\": \"one repair round was needed\", \"answer\": \"fewer rounds\", \"suggestion\": {\"repair.rounds\": 2}}", RIGHT);
        SolveCommand.models = () -> model;
        Path out = dir.resolve("trained.json");
        String[] result = run("workflow", "optimize", "--train", data.toString(), "--val", data.toString(), "--out", out.toString(),
                "--steps", "1", "--batch", "1", "--concurrency", "1", "--budget-calls", "50");
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("## Step 1 (optoprime) — rolled back"), result[1]);
        assertTrue(result[1].contains("repair.rounds: 3 → 2"), result[1]);
        assertTrue(result[2].contains("step 1/1"), "progress on stderr: " + result[2]);
        assertEquals(Workflow.defaults().checksum(), WorkflowFile.read(out).checksum(), "an equal score at equal cost is no improvement");
        assertTrue(Files.isRegularFile(dir.resolve("trained.json.run/checkpoint.json")));
        assertEquals(0, model.remaining());
        String[] bad = run("workflow", "optimize", "--train", data.toString(), "--val", data.toString(), "--out", out.toString(),
                "--params", "repair.round");
        assertEquals("2", bad[0]);
        assertTrue(bad[2].contains("unknown parameter 'repair.round'"), bad[2]);
    }

    @Test
    void optimizeWithTheBayesianKnobSearchKeepsItsStudyInTheRunDirectory() throws Exception {
        Path data = dir.resolve("bags.jsonl");
        Files.writeString(data, "{\"id\": \"bags-1\", \"question\": \"" + PROBLEM + "\", \"answer\": 48}\n");
        SolveCommand.models = () -> ScriptedChatModel.of(RIGHT, RIGHT, RIGHT);
        Path out = dir.resolve("knobs.json");
        String[] result = run("workflow", "optimize", "--train", data.toString(), "--val", data.toString(), "--out", out.toString(),
                "--steps", "1", "--batch", "1", "--concurrency", "1", "--params", "repair.rounds,samples", "--knob-every", "1",
                "--knob-search", "bayes", "--knob-initial", "2");
        assertEquals("0", result[0], result[2]);
        assertTrue(result[2].contains("step 1 (knob search): proposes {repair.rounds="), result[2]);
        Path study = dir.resolve("knobs.json.run/knobs.study.json");
        assertTrue(Files.readString(study).contains("\"source\" : \"sobol\""), Files.readString(study));

        String[] noSteps = run("workflow", "optimize", "--train", data.toString(), "--val", data.toString(), "--out", dir.resolve("x.json").toString(),
                "--knob-search", "bayes");
        assertEquals("2", noSteps[0]);
        assertTrue(noSteps[2].contains("--knob-every"), noSteps[2]);
        String[] unknown = run("workflow", "optimize", "--train", data.toString(), "--val", data.toString(), "--out", dir.resolve("y.json").toString(),
                "--knob-search", "annealing", "--knob-every", "1");
        assertEquals("2", unknown[0]);
        assertTrue(unknown[2].contains("random or bayes"), unknown[2]);
    }

    @Test
    void evalHonoursTheWorkflowFileAndRecordsItInRunJson() throws Exception {
        Path data = dir.resolve("bags.jsonl");
        Files.writeString(data, "{\"id\": \"bags-1\", \"question\": \"" + PROBLEM + "\", \"answer\": 48}\n");
        ScriptedChatModel model = ScriptedChatModel.of(TYPO, RIGHT);
        SolveCommand.models = () -> model;
        Path out = dir.resolve("run");
        String[] result = run("eval", "--dataset", data.toString(), "--out", out.toString(), "--workflow", tuned().toString(), "--concurrency", "1");
        assertEquals("0", result[0], result[2]);
        assertTrue(result[1].contains("strict 100.0%"), result[1]);
        assertTrue(model.requests().get(1).messages().getFirst().toString().contains(MARK));
        JsonNode start = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("starts").get(0);
        assertEquals("tuned", start.get("workflow").get("name").asText());
        assertEquals(WorkflowFile.read(tuned()).checksum(), start.get("workflow").get("checksum").asText());
        assertEquals(3, start.get("agentConfig").get("repairRounds").asInt());

        // Command-line knobs become validated workflow changes, named as such.
        SolveCommand.models = () -> ScriptedChatModel.of(RIGHT);
        Path second = dir.resolve("run2");
        assertEquals("0", run("eval", "--dataset", data.toString(), "--out", second.toString(), "--repair-rounds", "2")[0]);
        JsonNode named = new ObjectMapper().readTree(second.resolve("run.json").toFile()).get("starts").get(0);
        assertEquals("default+options", named.get("workflow").get("name").asText());
        assertEquals(2, named.get("agentConfig").get("repairRounds").asInt());
        assertEquals("2", run("eval", "--dataset", data.toString(), "--out", dir.resolve("run3").toString(), "--repair-rounds", "9")[0],
                "an out-of-range knob is refused like a bad workflow file");
    }
}

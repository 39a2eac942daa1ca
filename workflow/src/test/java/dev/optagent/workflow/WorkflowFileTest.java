package dev.optagent.workflow;

import dev.optagent.workflow.param.ParameterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkflowFileTest {

    @TempDir
    Path dir;

    @Test
    void aWorkflowFileRoundTrips() {
        String text = (String) Workflow.defaults().value(ParameterRegistry.FORMULATE_INSTRUCTIONS);
        Workflow tuned = Workflow.defaults().with(Map.of(ParameterRegistry.REPAIR_ROUNDS, 4, ParameterRegistry.REPAIR_TEMPERATURE, 0.3,
                        ParameterRegistry.FORMULATE_INSTRUCTIONS, text + "\n- State every unit.", ParameterRegistry.errorFlag("direction"), true))
                .named("tuned", "for a test", Map.of("steps", 2));
        Path file = dir.resolve("wf.json");
        WorkflowFile.write(file, tuned);
        Workflow back = WorkflowFile.read(file);
        assertEquals(tuned.values(), back.values());
        assertEquals(tuned.checksum(), back.checksum());
        assertEquals("tuned", back.name());
        assertEquals(2, back.notes().get("steps"));
        assertEquals(WorkflowFile.toJson(tuned), WorkflowFile.toJson(back));
        assertNotEquals(Workflow.defaults().checksum(), back.checksum());
    }

    @Test
    void theChecksumDependsOnTheValuesOnly() {
        Workflow renamed = Workflow.defaults().named("other", "another description", Map.of("x", 1));
        assertEquals(Workflow.defaults().checksum(), renamed.checksum());
        assertEquals(Workflow.defaults().checksum(), Workflow.defaults().with(Map.of(ParameterRegistry.REPAIR_ROUNDS, 3)).checksum());
    }

    @Test
    void missingParametersTakeTheirDefaults() {
        Workflow partial = WorkflowFile.parse("{\"format\": \"optagent-workflow/1\", \"name\": \"few\", \"parameters\": {\"samples\": 3}}", "few.json");
        assertEquals(3, partial.value(ParameterRegistry.SAMPLES));
        assertEquals(Workflow.defaults().value(ParameterRegistry.REPAIR_INSTRUCTIONS), partial.value(ParameterRegistry.REPAIR_INSTRUCTIONS));
    }

    @Test
    void everyProblemOfABadFileIsReportedAtOnce() throws Exception {
        String text = WorkflowFile.toJson(Workflow.defaults())
                .replace("\"repair.rounds\" : 3", "\"repair.rounds\" : 40")
                .replace("\"samples\" : 1", "\"samples\" : \"many\"")
                .replace("\"parameters\" : {", "\"parameters\" : {\"repair.round\": 2,");
        Path file = dir.resolve("bad.json");
        Files.writeString(file, text);
        WorkflowException e = assertThrows(WorkflowException.class, () -> WorkflowFile.read(file));
        assertEquals(3, e.problems().size(), e.problems().toString());
        assertTrue(e.getMessage().contains("repair.rounds = 40 is outside [0, 6]"), e.getMessage());
        assertTrue(e.getMessage().contains("samples: 'many' is not a integer") || e.getMessage().contains("'many'"), e.getMessage());
        assertTrue(e.getMessage().contains("unknown parameter 'repair.round'"), e.getMessage());
        assertThrows(WorkflowException.class, () -> WorkflowFile.parse("{\"name\": \"x\"}", "x.json"));
        assertThrows(WorkflowException.class, () -> WorkflowFile.parse("not json", "x.json"));
        assertThrows(WorkflowException.class, () -> WorkflowFile.read(dir.resolve("missing.json")));
    }

    @Test
    void aDiffShowsKnobsAndPromptLines() {
        String text = (String) Workflow.defaults().value(ParameterRegistry.REPAIR_INSTRUCTIONS);
        Workflow b = Workflow.defaults().with(Map.of(ParameterRegistry.REPAIR_ROUNDS, 5,
                ParameterRegistry.REPAIR_INSTRUCTIONS, text.replace("Fix the model", "Correct the model")));
        String diff = WorkflowDiff.describe(Workflow.defaults(), b);
        assertTrue(diff.contains("repair.rounds: 3 → 5"), diff);
        assertTrue(diff.contains("- JSON. The model was compiled and solved, and the checks below found problems. Fix the model"), diff);
        assertTrue(diff.contains("+ JSON. The model was compiled and solved, and the checks below found problems. Correct the model"), diff);
        assertEquals("no parameter differs", WorkflowDiff.describe(b, b));
    }
}

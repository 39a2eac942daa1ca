package dev.optagent.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each published record shape, read from small files written here (our own problems, not benchmark data). */
class DatasetReaderTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void normalisedJsonlKeepsTypeTableAndGoldVariables() throws IOException {
        Path file = write("mine.jsonl", """
                {"id": "mine-1", "question": "Make tables and chairs.", "answer": 12.5, "type": "linear", "has_table": true, "variables": {"tables": 3, "note": "x"}}
                {"id": "mine-2", "question": "An impossible plan.", "answer": null}
                """);
        Dataset data = DatasetReader.read(file);
        assertEquals("mine", data.name());
        assertEquals(2, data.problems().size());
        Problem first = data.problems().getFirst();
        assertEquals(12.5, first.answer());
        assertEquals(true, first.hasTable());
        assertEquals(java.util.Map.of("tables", 3.0), first.variables());
        assertEquals("mine", first.benchmark());
        assertTrue(data.problems().get(1).expectsNoOptimum());
    }

    /** A null answer is "no optimum" only when the source does not say it found one. */
    @Test
    void aMissingGoldWhoseSourceReportsAnOptimumIsLeftOutAndSaidSo() throws IOException {
        Path file = write("mine.jsonl", """
                {"id": "mine-1", "question": "Too many rules at once.", "answer": null, "source_status": "infeasible or unbounded"}
                {"id": "mine-2", "question": "A plan whose value was lost.", "answer": null, "source_status": "optimal"}
                {"id": "mine-3", "question": "A plan with its value.", "answer": 7, "source_status": "optimal"}
                """);
        Dataset data = DatasetReader.read(file);
        assertEquals(java.util.List.of("mine-1", "mine-3"), data.problems().stream().map(Problem::id).toList());
        assertTrue(data.problems().getFirst().expectsNoOptimum());
        assertEquals(1, data.errors().size());
        assertTrue(data.errors().getFirst().contains("mine.jsonl:2: mine-2 has no gold answer although its source reports an optimum"),
                data.errors().toString());
    }

    @Test
    void questionAnswerLinesWithStringAnswersAndNoOptimumWords() throws IOException {
        Path file = write("sirl.json", """
                {"en_question": "Plan the bakery.", "en_answer": "1,250.0", "difficulty": "Easy", "id": 7}
                {"en_question": "Plan the mill.", "en_answer": "No Best Solution", "id": 8}
                {"question": "Plan the farm.", "answer": 40}
                {"en_question": "Plan the port.", "en_answer": "about forty", "id": 9}
                """);
        Dataset data = DatasetReader.read(file, "sirl", DatasetFormat.QUESTION_ANSWER, RecordLayout.JSON_LINES, "bakery");
        assertEquals(3, data.problems().size());
        assertEquals("bakery-7", data.problems().get(0).id());
        assertEquals(1250.0, data.problems().get(0).answer());
        assertNull(data.problems().get(1).answer());
        assertEquals("bakery-2", data.problems().get(2).id(), "records without an id are keyed by position");
        assertEquals(1, data.errors().size());
        assertTrue(data.errors().getFirst().contains("sirl.json:4: "), data.errors().toString());
        assertTrue(data.errors().getFirst().contains("about forty"), data.errors().toString());
    }

    @Test
    void optiBenchResultsSplitIntoObjectiveAndGoldVariables() throws IOException {
        Path file = write("OptiBench.json", """
                [{"question": "Choose how many vans and cars.", "type": "linear-table",
                  "results": {"The number of vans": "4", "The number of cars": "0.0", "The minimum cost": "820.50"}},
                 {"question": "Size a box.", "type": "nonlinear-notable", "results": {"The maximum volume": "16"}}]
                """);
        Dataset data = DatasetReader.read(file, "optibench", DatasetFormat.OPTIBENCH, RecordLayout.JSON_ARRAY, "optibench");
        Problem vans = data.problems().getFirst();
        assertEquals("optibench-0", vans.id());
        assertEquals(820.5, vans.answer());
        assertEquals("linear", vans.type());
        assertEquals(true, vans.hasTable());
        assertEquals(2, vans.variables().size());
        assertEquals(0.0, vans.variables().get("The number of cars"));
        assertEquals(false, data.problems().get(1).hasTable());
        assertTrue(data.problems().get(1).variables().isEmpty());
    }

    @Test
    void orThoughtSummaryIsAnObjectKeyedByProblem() throws IOException {
        Path file = write("summary_mine.json", """
                {"prob_001": {"description": "Route the vans.", "optimal_value": 310.0, "type": "MILP"},
                 "prob_002": {"description": "Staff the desk.", "optimal_value": "infeasible"},
                 "prob_003": ["not", "an", "object"]}
                """);
        Dataset data = DatasetReader.read(file, "mine", DatasetFormat.ORTHOUGHT, RecordLayout.JSON_OBJECT, "mine");
        assertEquals(2, data.problems().size());
        assertEquals("mine-prob_001", data.problems().getFirst().id());
        assertEquals(310.0, data.problems().getFirst().answer());
        assertNull(data.problems().get(1).answer());
        assertTrue(data.errors().getFirst().contains("#prob_003"), data.errors().toString());
    }

    @Test
    void aDocumentOfTheWrongShapeIsOneClearError() throws IOException {
        Path file = write("broken.json", "{\"not\": \"an array\"}");
        DatasetException e = org.junit.jupiter.api.Assertions.assertThrows(DatasetException.class,
                () -> DatasetReader.read(file, "x", DatasetFormat.QUESTION_ANSWER, RecordLayout.JSON_ARRAY, "x"));
        assertTrue(e.getMessage().contains("expected a JSON array"), e.getMessage());
    }
}

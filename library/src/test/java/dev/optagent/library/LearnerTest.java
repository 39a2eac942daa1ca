package dev.optagent.library;

import dev.optagent.datasets.Problem;
import dev.optagent.library.learn.Budget;
import dev.optagent.library.learn.LearnJournal;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Outcome;
import dev.optagent.library.model.Rejection;
import dev.optagent.library.model.Status;
import dev.optagent.library.store.JsonFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.optagent.library.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

class LearnerTest {

    @TempDir
    Path dir;

    /** The model writes the right formulation exactly when the lesson is in its prompt: the loop must put it there. */
    private static RuleModel learnsFromTheLesson() {
        return new RuleModel()
                .when(Fixtures::isDiagnosis, diagnosis(CONDITION, LESSON))
                .when((system, user) -> isFormulate(system, user) && system.contains(LESSON), RIGHT)
                .when(Fixtures::isFormulate, WRONG);
    }

    @Test
    void aFailureYieldsAnInsightThatIsKeptBecauseTheReSolveNowSucceeds() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        RuleModel model = learnsFromTheLesson();
        Problem task = task("toy-1", "Oak");
        String stopped = learner(store, model, LearnJournal.beside(store.file()), Budget.unlimited()).learn(List.of(task));

        assertNull(stopped);
        Library library = store.load();
        assertEquals(1, library.active().size(), "the verified insight is active");
        Insight kept = library.active().getFirst();
        assertEquals(LESSON, kept.explanation());
        assertEquals("units and scaling", kept.taxonomy().level2());
        assertTrue(kept.statusReason().contains("re-solved correctly 2 of 3"), kept.statusReason());
        assertEquals(List.of("toy-1"), kept.evidence().sourceTasks());
        assertEquals(1, kept.evidence().count(Outcome.HELPED));
        // 1 failed solve + 1 diagnosis + 2 re-solves (stops once 2 of 3 are right)
        assertEquals(4, model.calls());
        LearnJournal.Entry entry = new LearnJournal(LearnJournal.beside(store.file())).entries().getFirst();
        assertEquals(List.of(kept.id()), entry.accepted());
        assertEquals(4, entry.calls());
    }

    @Test
    void anInsightThatQuotesItsTaskIsRefusedWithoutRepeatingTheWords() throws Exception {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        String quoting = "This applies when, for example, each chair needs 2 hours of carpentry and 1 hour of finishing.";
        RuleModel model = new RuleModel()
                .when(Fixtures::isDiagnosis, diagnosis(quoting, LESSON))
                .when((system, user) -> isFormulate(system, user) && system.contains(LESSON), RIGHT)
                .when(Fixtures::isFormulate, WRONG);
        learner(store, model, LearnJournal.beside(store.file()), Budget.unlimited()).learn(List.of(task("toy-1", "Oak")));

        Library library = store.load();
        assertTrue(library.active().isEmpty(), "a lesson that would work is still refused when it copies the problem");
        Rejection rejected = library.rejected().getFirst();
        assertEquals("it copies 6 or more words in a row from its task's text", rejected.reason());
        assertFalse(LibraryJson.JSON.writeValueAsString(library).contains("hours of carpentry"), "the library file holds no problem text");
        assertEquals(2, model.calls(), "refused before any re-solve: 1 failed solve + 1 diagnosis");
    }

    @Test
    void anInsightThatDoesNotFixItsTaskIsRejectedWithTheReason() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        RuleModel model = new RuleModel().when(Fixtures::isDiagnosis, diagnosis(CONDITION, LESSON)).when(Fixtures::isFormulate, WRONG);
        learner(store, model, LearnJournal.beside(store.file()), Budget.unlimited()).learn(List.of(task("toy-1", "Oak")));

        Library library = store.load();
        assertTrue(library.insights().isEmpty());
        Rejection rejection = library.rejected().getFirst();
        assertEquals("toy-1", rejection.task());
        assertEquals("its task was re-solved correctly 0 of 3 times with it (needs 2)", rejection.reason());
    }

    @Test
    void anInsightThatBreaksAnEarlierSolvedTaskIsRejectedAsARegression() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        // toy-0 (the Birch workshop) is solved without the lesson, and the lesson misleads it.
        RuleModel model = new RuleModel()
                .when(Fixtures::isDiagnosis, diagnosis(CONDITION, LESSON))
                .when((system, user) -> isFormulate(system, user) && user.contains("Birch") && system.contains(LESSON), WRONG)
                .when((system, user) -> isFormulate(system, user) && user.contains("Birch"), RIGHT)
                .when((system, user) -> isFormulate(system, user) && system.contains(LESSON), RIGHT)
                .when(Fixtures::isFormulate, WRONG);
        learner(store, model, LearnJournal.beside(store.file()), Budget.unlimited()).learn(List.of(task("toy-0", "Birch"), task("toy-1", "Oak")));

        Library library = store.load();
        assertTrue(library.active().isEmpty(), "a lesson that breaks a solved task is not kept");
        assertTrue(library.rejected().getFirst().reason().startsWith("regressed on toy-0"), library.rejected().getFirst().reason());
    }

    /** Learns from the Birch task with a library that already holds a lesson the task retrieves; returns that lesson. */
    private Insight afterLearningWithAShownLesson(RuleModel model) {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        store.update(library -> library.with(insight("ins-scale", "units and scaling", CONDITION, LESSON, List.of("toy-9"))));
        model.when(Fixtures::isDiagnosis, "```json\n{\"rootCause\": \"unclear\", \"insights\": []}\n```");
        learner(store, model, LearnJournal.beside(store.file()), Budget.unlimited()).learn(List.of(task("toy-0", "Birch")));
        return store.load().find("ins-scale").orElseThrow();
    }

    @Test
    void aShownInsightOnAFailedTaskIsMisledWhenTheTaskIsRightWithoutIt() {
        Insight lesson = afterLearningWithAShownLesson(new RuleModel()
                .when((system, user) -> isFormulate(system, user) && system.contains(LESSON), WRONG)
                .when(Fixtures::isFormulate, RIGHT));
        assertEquals(1, lesson.evidence().count(Outcome.MISLED), lesson.evidence().toString());
        assertEquals(0, lesson.evidence().count(Outcome.INVALID));
        assertTrue(lesson.evidence().tasks().getLast().note().contains("right when re-solved without ins-scale"), lesson.evidence().tasks().toString());
    }

    @Test
    void aShownInsightOnATaskThatFailsAnywayStaysInvalid() {
        Insight lesson = afterLearningWithAShownLesson(new RuleModel().when(Fixtures::isFormulate, WRONG));
        assertEquals(1, lesson.evidence().count(Outcome.INVALID));
        assertTrue(lesson.evidence().tasks().getLast().note().contains("also wrong when re-solved without ins-scale"));
    }

    @Test
    void aMergeThatBreaksASourceTaskIsRefusedAndTheOriginalStays() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        String twinCondition = CONDITION.replace("e.g.", "for example");
        Insight twin = insight("ins-twin", "units and scaling", twinCondition, "Keep per-item profits as given.", List.of("toy-0"));
        store.update(library -> library.with(twin));
        String merged = """
                ```json
                {"condition": "%s", "explanation": "MERGED lesson: profits per item.", "example": {"wrong": "x", "right": "y"}}
                ```""".formatted(CONDITION);
        RuleModel model = new RuleModel()
                .when(Fixtures::isDiagnosis, diagnosis(CONDITION, LESSON))
                .when((system, user) -> system.contains("Merge the two lessons"), merged)
                .when((system, user) -> isFormulate(system, user) && user.contains("Birch") && system.contains("MERGED"), WRONG)
                .when((system, user) -> isFormulate(system, user) && user.contains("Birch"), RIGHT)
                .when((system, user) -> isFormulate(system, user) && system.contains(LESSON), RIGHT)
                .when(Fixtures::isFormulate, WRONG);
        learner(store, model, LearnJournal.beside(store.file()), Budget.unlimited())
                .learn(List.of(task("toy-1", "Oak"), task("toy-0", "Birch")));

        Library library = store.load();
        Rejection refused = library.rejected().stream().filter(r -> "merge".equals(r.kind())).findFirst().orElseThrow();
        assertTrue(refused.reason().contains("breaks source task toy-0"), refused.reason());
        assertTrue(library.find("ins-twin").map(Insight::active).orElse(false), "the original insight stays");
        assertEquals(Outcome.INVALID, library.find("ins-twin").orElseThrow().evidence().tasks().getFirst().outcome(),
                "the twin was shown for toy-1, which still failed");
        assertEquals(2, library.active().size(), "the candidate, verified on its own, is kept beside it");
        assertTrue(library.active().stream().noneMatch(i -> i.explanation().startsWith("MERGED")));
    }

    @Test
    void theCallBudgetStopsTheRunAndASecondRunResumesWhereItStopped() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        RuleModel model = new RuleModel().when(Fixtures::isFormulate, RIGHT);
        Path journal = LearnJournal.beside(store.file());
        List<Problem> tasks = List.of(task("toy-1", "Oak"), task("toy-2", "Elm"), task("toy-3", "Ash"));
        String stopped = learner(store, model, journal, new Budget(2, null, 0)).learn(tasks);
        assertEquals("the call budget (2 calls) is spent", stopped);
        assertEquals(2, new LearnJournal(journal).entries().size());

        assertNull(learner(store, model, journal, Budget.unlimited()).learn(tasks));
        assertEquals(3, model.calls(), "finished tasks are not solved again");
        assertEquals(List.of("toy-1", "toy-2", "toy-3"), new LearnJournal(journal).entries().stream().map(LearnJournal.Entry::task).toList());
    }

    @Test
    void usersInsightsWaitForApprovalWhenRequired() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        var learner = new dev.optagent.library.learn.Learner(store, solver(learnsFromTheLesson(), dev.optagent.library.retrieval.Embedder.miniLm()),
                strict(), new dev.optagent.library.learn.Diagnoser(new dev.optagent.agent.llm.LlmClient(learnsFromTheLesson(), 1,
                java.time.Duration.ZERO, java.time.Duration.ofSeconds(5)), Budget.unlimited()),
                dev.optagent.library.learn.LearnConfig.defaults("scripted").withApproval(true), Budget.unlimited(),
                dev.optagent.library.retrieval.Embedder.miniLm(), new LearnJournal(dir.resolve("j.jsonl")),
                dev.optagent.library.learn.Progress.silent(), "user");
        learner.learn(List.of(task("user-1", "Oak")));
        Insight pending = store.load().insights().getFirst();
        assertEquals(Status.CANDIDATE, pending.status());
        assertTrue(pending.statusReason().endsWith("awaiting approval"));
        assertEquals("user", pending.created().by());
    }

    @Test
    void concurrentTasksShareOneStoreWithoutDuplicates() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "test");
        List<Problem> tasks = new java.util.ArrayList<>();
        for (int k = 0; k < 6; k++) tasks.add(task("toy-" + k, "Workshop" + (char) ('A' + k)));
        Budget budget = Budget.unlimited();
        assertNull(learner(store, learnsFromTheLesson(), LearnJournal.beside(store.file()), budget).learn(tasks, 3));
        assertEquals(1, store.load().active().size(), "the same lesson learned in parallel is kept once");
        List<LearnJournal.Entry> entries = new LearnJournal(LearnJournal.beside(store.file())).entries();
        assertEquals(6, entries.size());
        // Each task is charged only its own calls, so the journal adds up to what the run spent (it once counted
        // the calls of the tasks running beside it too, and resumed runs started with an inflated budget).
        assertEquals(budget.calls(), entries.stream().mapToInt(LearnJournal.Entry::calls).sum());
        assertEquals(budget.inputTokens(), entries.stream().mapToLong(LearnJournal.Entry::inputTokens).sum());
    }
}

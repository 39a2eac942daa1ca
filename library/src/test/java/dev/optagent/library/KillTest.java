package dev.optagent.library;

import dev.optagent.library.learn.Budget;
import dev.optagent.library.learn.LearnJournal;
import dev.optagent.library.model.Library;
import dev.optagent.library.store.JsonFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.*;

/** kill -9 in the middle of a learning run: what was accepted stays accepted, and the rerun finishes the rest. */
class KillTest {

    @TempDir
    Path dir;

    @Test
    void aLearningRunKilledWithSigkillLosesNothingItAcceptedAndResumes() throws Exception {
        Path library = dir.resolve("lib.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), LearnMain.class.getName(),
                library.toString(), "12", "300")
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!(Files.exists(library) && Files.readString(library).contains("\"status\" : \"active\""))) {
                assertTrue(child.isAlive(), () -> "the learning run ended early: " + read(dir.resolve("child.log")));
                assertTrue(System.nanoTime() < deadline, "no insight accepted in time");
                Thread.sleep(20);
            }
        } finally {
            child.destroyForcibly();   // SIGKILL on Linux: no shutdown hooks, no flush
            child.waitFor(10, TimeUnit.SECONDS);
        }
        Library afterKill = new JsonFileStore(library).load();
        assertEquals(1, afterKill.active().size(), "the accepted insight survived the kill");
        String accepted = afterKill.active().getFirst().id();
        int finishedBeforeKill = new LearnJournal(LearnJournal.beside(library)).entries().size();
        assertTrue(finishedBeforeKill < 12, "the kill came before the end");

        RuleModel model = new RuleModel()
                .when(Fixtures::isDiagnosis, Fixtures.diagnosis(Fixtures.CONDITION, Fixtures.LESSON))
                .when((system, user) -> Fixtures.isFormulate(system, user) && system.contains(Fixtures.LESSON), Fixtures.RIGHT)
                .when(Fixtures::isFormulate, Fixtures.WRONG);
        JsonFileStore store = new JsonFileStore(library);
        assertNull(Fixtures.learner(store, model, LearnJournal.beside(library), Budget.unlimited()).learn(LearnMain.tasks(12)));
        Library resumed = store.load();
        assertEquals(List.of(accepted), resumed.active().stream().map(i -> i.id()).toList(), "kept, and not duplicated");
        List<LearnJournal.Entry> entries = new LearnJournal(LearnJournal.beside(library)).entries();
        assertEquals(12, entries.size());
        assertTrue(entries.stream().skip(1).allMatch(LearnJournal.Entry::solved), "with the kept insight every later task is solved at once");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (Exception e) {
            return "";
        }
    }
}

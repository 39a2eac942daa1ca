package dev.optagent.library;

import dev.optagent.datasets.Problem;
import dev.optagent.library.learn.Budget;
import dev.optagent.library.learn.LearnJournal;
import dev.optagent.library.store.JsonFileStore;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A learning run in its own JVM, slowed down, for the kill -9 test: {@code LearnMain LIB.json TASKS}. */
public final class LearnMain {

    public static void main(String[] args) {
        Path library = Path.of(args[0]);
        JsonFileStore store = JsonFileStore.createIfMissing(library, "killed");
        RuleModel model = new RuleModel()
                .when(Fixtures::isDiagnosis, Fixtures.diagnosis(Fixtures.CONDITION, Fixtures.LESSON))
                .when((system, user) -> Fixtures.isFormulate(system, user) && system.contains(Fixtures.LESSON), Fixtures.RIGHT)
                .when(Fixtures::isFormulate, Fixtures.WRONG)
                .delay(Duration.ofMillis(Long.parseLong(args.length > 2 ? args[2] : "250")));
        Fixtures.learner(store, model, LearnJournal.beside(library), Budget.unlimited()).learn(tasks(Integer.parseInt(args[1])));
    }

    static List<Problem> tasks(int n) {
        List<Problem> tasks = new ArrayList<>();
        for (int k = 0; k < n; k++) tasks.add(Fixtures.task("toy-" + k, "Workshop" + (char) ('A' + k)));
        return tasks;
    }
}

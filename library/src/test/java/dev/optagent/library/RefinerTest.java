package dev.optagent.library;

import dev.optagent.datasets.Problem;
import dev.optagent.library.learn.Budget;
import dev.optagent.library.learn.Diagnoser;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.Outcome;
import dev.optagent.library.model.Status;
import dev.optagent.library.model.TaskEvidence;
import dev.optagent.library.refine.Refiner;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.RetrievalConfig;
import dev.optagent.library.store.JsonFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class RefinerTest {

    @TempDir
    Path dir;

    private static Insight with(Insight insight, Outcome... outcomes) {
        for (int k = 0; k < outcomes.length; k++) insight = insight.withEvidence(new TaskEvidence("t" + k, outcomes[k], "2026-01-01", null));
        return insight;
    }

    @Test
    void netNegativeInsightsAreRetiredAndKeptInHistory() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "t");
        store.update(l -> l.with(with(RetrievalTest.SHARE, Outcome.MISLED, Outcome.MISLED, Outcome.HELPED))
                .with(with(RetrievalTest.TOUR, Outcome.HELPED, Outcome.MISLED)));
        Refiner.Result result = new Refiner(store, null, Embedder.miniLm(), RetrievalConfig.defaults(), 3, "scripted").refine(List.of());
        assertEquals(List.of("share"), result.retired());
        Library library = store.load();
        assertEquals(Status.RETIRED, library.find("share").orElseThrow().status());
        assertTrue(library.find("share").orElseThrow().statusReason().contains("net negative"));
        assertTrue(library.find("tour").orElseThrow().active());
        assertEquals(List.of("tour"), library.active().stream().map(Insight::id).toList(), "retired insights are not retrieved");
    }

    @Test
    void aRewriteIsKeptOnlyWhenTheRetrievalReplayScoreRises() {
        Problem blend = new Problem("t0", RetrievalTest.BLEND, 1.0, null, null);
        Problem route = new Problem("t1", "A courier van carries a mixture of parcels: at least 30% of the total load must be"
                + " refrigerated parcels and at most 20% of the mixture fragile ones. It must visit each of five customers exactly once"
                + " and return to the depot. Minimize the distance.", 1.0, null, null);
        // Helped on the blend, misled on the courier problem: the current condition retrieves both.
        Insight share = with(RetrievalTest.SHARE, Outcome.HELPED, Outcome.MISLED);
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "t");
        store.update(l -> l.with(share));
        String narrowed = "This applies when a blend or mixture of ingredients such as feed, alloys or fuels must contain at"
                + " least or at most a percentage of an ingredient, e.g. 'at least 30% of the mixture'. It does not apply when a vehicle"
                + " visits customers.";
        RuleModel model = new RuleModel().when((system, user) -> system.contains("CONDITION decides"),
                "```json\n{\"conditions\": [\"This applies to every problem.\", \"" + narrowed + "\"]}\n```");
        Diagnoser diagnoser = new Diagnoser(new dev.optagent.agent.llm.LlmClient(model, 1, Duration.ZERO, Duration.ofSeconds(5)), Budget.unlimited());
        Refiner refiner = new Refiner(store, diagnoser, Embedder.miniLm(), RetrievalConfig.defaults(), 2, "scripted");
        double before = refiner.score(store.load(), share, java.util.Map.of("t0", blend, "t1", route));
        Refiner.Result result = refiner.refine(List.of(blend, route));
        Insight after = store.load().find("share").orElseThrow();
        assertEquals(0.5, before, "the old condition is shown for both tasks: right on one of two");
        assertEquals(List.of("share"), result.rewritten(), "the catch-all rewrite does not raise the score; the narrowed one does");
        assertEquals(narrowed, after.condition());
        assertEquals(2, after.version());
        assertEquals(List.of("share@1"), after.lineage());
        assertEquals(1.0, refiner.score(store.load(), after, java.util.Map.of("t0", blend, "t1", route)));
    }
}

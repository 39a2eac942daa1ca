package dev.optagent.library;

import dev.optagent.agent.insight.InsightSource;
import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.Provenance;
import dev.optagent.library.retrieval.AppliedLessons;
import dev.optagent.library.retrieval.Embedder;
import dev.optagent.library.retrieval.LibraryInsightSource;
import dev.optagent.library.retrieval.Ranked;
import dev.optagent.library.retrieval.RetrievalConfig;
import dev.optagent.library.retrieval.Retriever;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.*;

class RetrievalTest {

    static final Insight SHARE = Fixtures.insight("share", "ratio and percentage data",
            "This applies when the problem requires an ingredient or product to be at least or at most a percentage of a total,"
                    + " e.g. 'at least 30% of the mixture'. It does not apply when percentages are only costs or rates.",
            "A minimum share of a total is x_i >= p * sum(x); never compare x_i to p alone.", List.of("t1"));
    static final Insight TOUR = Fixtures.insight("tour", "routing",
            "This applies when a vehicle must visit every city exactly once and return, e.g. 'visit each customer once'."
                    + " It does not apply when goods are only shipped between warehouses.",
            "A tour needs subtour elimination; degree constraints alone allow disconnected cycles.", List.of("t2"));

    static final String BLEND = "A feed mill blends corn, soy and oats into 1000 kg of feed. Soy must be at least 30% of the mixture and oats"
            + " at most 20%. Corn costs $0.2/kg, soy $0.5/kg, oats $0.3/kg. Minimize the cost of the blend.";

    @Test
    void aRelevantInsightRanksAboveAnIrrelevantOneWithTheInProcessModel() {
        Library library = Library.empty("t", Provenance.unmeasured("test")).with(TOUR).with(SHARE);
        Retriever retriever = new Retriever(library, Embedder.miniLm(), RetrievalConfig.defaults());
        List<Ranked> ranked = retriever.rankAll("formulate", BLEND);
        assertEquals("share", ranked.get(0).insight().id());
        assertTrue(ranked.get(0).score() > ranked.get(1).score() + 0.1, ranked.toString());
        assertEquals(List.of("share"), retriever.retrieve("formulate", BLEND).stream().map(r -> r.insight().id()).toList(),
                "the routing insight stays below the threshold for a blending problem");
        assertTrue(retriever.retrieve("repair", BLEND).isEmpty(), "formulate insights are not shown to the repair stage");
    }

    @Test
    void anEmptyLibraryChangesNothing() {
        InsightSource source = LibraryInsightSource.of(Library.empty("none", Provenance.unmeasured("x")), Embedder.miniLm(),
                RetrievalConfig.defaults(), true);
        assertTrue(source.relevant("formulate", BLEND).isEmpty());
    }

    @Test
    void stageTwoShowsIdsAndConditionsAndReadsBackWhatWasApplied() {
        Library library = Library.empty("t", Provenance.unmeasured("test")).with(SHARE);
        var lessons = LibraryInsightSource.of(library, Embedder.miniLm(), RetrievalConfig.defaults(), true).relevant("formulate", BLEND);
        assertTrue(lessons.getFirst().text().startsWith("[share] Applies when: This applies when"), lessons.getFirst().text());
        var plain = LibraryInsightSource.of(library, Embedder.miniLm(), RetrievalConfig.defaults(), false).relevant("formulate", BLEND);
        assertFalse(plain.getFirst().text().contains("Applies when"), "insights@1 shows only explanation and example");

        assertEquals(Optional.of(Set.of("share", "L2")), AppliedLessons.parse("```json\n{}\n```\nLessons applied: [share], [L2]"));
        assertEquals(Optional.of(Set.of()), AppliedLessons.parse("...\nLessons applied: none"));
        assertEquals(Optional.empty(), AppliedLessons.parse("no such line"));
    }
}

package dev.optagent.library;

import dev.optagent.library.model.Insight;
import dev.optagent.library.model.Library;
import dev.optagent.library.model.LibraryJson;
import dev.optagent.library.model.Outcome;
import dev.optagent.library.model.Provenance;
import dev.optagent.library.model.SeedTaxonomy;
import dev.optagent.library.model.TaskEvidence;
import dev.optagent.library.model.Taxonomy;
import dev.optagent.library.store.BuiltInLibrary;
import dev.optagent.library.store.JsonFileStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class StoreTest {

    @TempDir
    Path dir;

    @Test
    void aLibraryRoundTripsThroughItsJsonWithDerivedCountsAndScore() throws Exception {
        Insight insight = RetrievalTest.SHARE.withEvidence(new TaskEvidence("t1", Outcome.HELPED, "2026-01-01", null))
                .withEvidence(new TaskEvidence("t2", Outcome.MISLED, "2026-01-01", null))
                .withEvidence(new TaskEvidence("t3", Outcome.HELPED, "2026-01-01", null));
        Library library = Library.empty("t", Provenance.unmeasured("x")).with(insight);
        String json = LibraryJson.write(library);
        assertTrue(json.contains("\"score\" : 1"), json);
        assertTrue(json.contains("\"helped\" : 2"), json);
        assertEquals(library, LibraryJson.read(json, "test"));
        var node = LibraryJson.JSON.readTree(json).path("insights").get(0);
        for (String field : List.of("id", "status", "taxonomy", "condition", "explanation", "example", "evidence")) {
            assertTrue(node.has(field), field);
        }
    }

    @Test
    void badFilesGetSpecificErrors() throws Exception {
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"format\": \"optagent-library/1\", \"insights\": [{\"id\": \"x\", \"status\": \"alive\"}]}");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> new JsonFileStore(bad).load());
        assertTrue(error.getMessage().contains("status is one of candidate, active, retired"), error.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new JsonFileStore(dir.resolve("missing.json")).load())
                .getMessage().startsWith("no library file"));
    }

    @Test
    void writesAreAtomicAndLeaveNoTemporaryFile() {
        JsonFileStore store = JsonFileStore.createIfMissing(dir.resolve("lib.json"), "t");
        store.update(library -> library.with(RetrievalTest.SHARE));
        store.update(library -> library.with(RetrievalTest.TOUR));
        assertEquals(2, store.load().insights().size());
        assertFalse(Files.exists(dir.resolve("lib.json.tmp")));
    }

    @Test
    void theShippedDefaultIsEmptyAndMarkedUnmeasured() {
        Library shipped = BuiltInLibrary.shipped();
        assertTrue(shipped.insights().isEmpty());
        assertFalse(shipped.provenance().measured());
        assertTrue(BuiltInLibrary.resolve("none").insights().isEmpty());
        assertEquals("default", BuiltInLibrary.spec(null, java.util.Map.of()));
        assertEquals("/x.json", BuiltInLibrary.spec(null, java.util.Map.of("OPTAGENT_LIBRARY", "/x.json")));
        assertEquals("none", BuiltInLibrary.spec("none", java.util.Map.of("OPTAGENT_LIBRARY", "/x.json")));
    }

    @Test
    void proposedLabelsMapToTheSeedAndOnlyUnfittingOnesAreNew() {
        SeedTaxonomy seed = SeedTaxonomy.builtIn();
        assertEquals(new Taxonomy("formulate", "general formulation", "big-M and indicators"),
                seed.normalise(new Taxonomy("Formulate", "General Formulation", "Big-M and Indicators")));
        assertEquals(new Taxonomy("repair", "domain modeling", "blending"), seed.normalise(new Taxonomy("repair", "domain", "blending")));
        Taxonomy fresh = seed.normalise(new Taxonomy("formulate", "general formulation", "piecewise costs"));
        assertFalse(seed.known(fresh));
        assertEquals("piecewise costs", fresh.level2());
    }
}

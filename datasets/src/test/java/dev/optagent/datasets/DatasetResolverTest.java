package dev.optagent.datasets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetResolverTest {

    @TempDir
    Path dir;

    private static final String PUBLISHED = """
            {"en_question": "Plan the bakery.", "en_answer": "12", "id": 1}
            {"en_question": "Plan the mill.", "en_answer": "30.5", "id": 2}
            """;

    private final List<String> downloads = new ArrayList<>();

    private Downloader serving(String text) {
        return (uri, target) -> {
            downloads.add(uri.toString());
            Files.writeString(target, text);
        };
    }

    private DatasetResolver resolver(Downloader downloader) {
        return new DatasetResolver(Catalog.builtIn(), dir.resolve("dev"), dir.resolve("cache"), downloader);
    }

    @Test
    void downloadsOnceFromThePinnedCommitThenReadsTheCache() {
        DatasetResolver resolver = resolver(serving(PUBLISHED));
        Dataset first = resolver.resolve("mamo_complex:sirl-revised");
        Dataset again = resolver.resolve("mamo_complex:sirl-revised");
        assertEquals(1, downloads.size(), "the second read comes from the cache");
        assertTrue(downloads.getFirst().contains("/db9e465c9947ffbfaac3cf8eeec4886bc00f5a30/test_data/MAMO_Complex_revised.jsonl"));
        assertEquals(2, first.problems().size());
        assertEquals("mamo_complex-1", first.problems().getFirst().id());
        assertEquals(30.5, again.problems().get(1).answer());
    }

    @Test
    void aChangedCacheFileIsRefused() throws IOException {
        DatasetResolver resolver = resolver(serving(PUBLISHED));
        CatalogEntry entry = Catalog.builtIn().find("logior");
        Path file = resolver.cached(entry);
        Files.writeString(file, "{}\n");
        DatasetException e = assertThrows(DatasetException.class, () -> resolver.cached(entry));
        assertTrue(e.getMessage().contains("checksum mismatch"), e.getMessage());
    }

    @Test
    void aPinnedChecksumRejectsADifferentDownloadAndCachesNothing() {
        CatalogEntry pinned = Catalog.builtIn().find("complexor");
        CatalogEntry withSum = new CatalogEntry(pinned.name(), pinned.version(), pinned.benchmark(), pinned.repo(), pinned.commit(),
                pinned.path(), pinned.format(), pinned.layout(), pinned.licence(), null, "00".repeat(32), null);
        DatasetResolver resolver = resolver(serving("{}"));
        DatasetException e = assertThrows(DatasetException.class, () -> resolver.cached(withSum));
        assertTrue(e.getMessage().contains("does not match its pinned sha256"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("cache").resolve(pinned.repo()).resolve(pinned.commit()).resolve(pinned.path())));
    }

    @Test
    void offlineSaysWhereToPutTheFile() {
        DatasetException e = assertThrows(DatasetException.class, () -> resolver(Downloader.offline()).resolve("nl4opt"));
        assertTrue(e.getMessage().contains("https://raw.githubusercontent.com/caigaojiang/LLMOPT/"), e.getMessage());
        assertTrue(e.getMessage().contains("put it at " + dir.resolve("cache")), e.getMessage());
        assertTrue(e.getMessage().contains("nl4opt.jsonl"), "mentions the normalised dev split too: " + e.getMessage());
    }

    @Test
    void theNormalisedDevSplitIsPreferredForItsRelease() throws IOException {
        Files.createDirectories(dir.resolve("dev"));
        Files.writeString(dir.resolve("dev/nl4opt.jsonl"), "{\"id\": \"nl4opt-3\", \"question\": \"Mix feed.\", \"answer\": 9}\n");
        Dataset data = resolver(Downloader.offline()).resolve("nl4opt");
        assertEquals("nl4opt-3", data.problems().getFirst().id());
    }

    @Test
    void aPathIsReadAsNormalisedJsonlAndAMissingOneIsNamed() throws IOException {
        Path file = Files.writeString(dir.resolve("mine.jsonl"), "{\"id\": \"m-1\", \"question\": \"Q\", \"answer\": 1}\n");
        assertEquals(1, resolver(Downloader.offline()).resolve(file.toString()).problems().size());
        DatasetException e = assertThrows(DatasetException.class, () -> resolver(Downloader.offline()).resolve(dir + "/nope.jsonl"));
        assertTrue(e.getMessage().contains("nope.jsonl"));
    }
}

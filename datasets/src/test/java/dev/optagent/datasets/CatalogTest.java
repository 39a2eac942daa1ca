package dev.optagent.datasets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    private final Catalog catalog = Catalog.builtIn();

    @Test
    void everyReleaseIsPinnedToACommitWithAFormat() {
        assertTrue(catalog.datasets().size() >= 10);
        for (CatalogEntry entry : catalog.datasets()) {
            assertTrue(entry.commit().matches("[0-9a-f]{40}"), entry.spec() + " is not pinned to a full commit");
            assertTrue(entry.repo().matches("[\\w.-]+/[\\w.-]+"), entry.spec());
            assertTrue(entry.format() != null && entry.layout() != null && entry.licence() != null, entry.spec());
            assertTrue(entry.downloadUri().toString().startsWith("https://raw.githubusercontent.com/" + entry.repo() + "/" + entry.commit() + "/"));
        }
        assertEquals(catalog.datasets().size(), catalog.datasets().stream().map(CatalogEntry::spec).distinct().count(), "specs are unique");
    }

    @Test
    void aNameMeansItsFirstReleaseAndAVersionPicksAnother() {
        assertEquals("sirl-fixedV2", catalog.find("industryor").version());
        assertEquals("orthought", catalog.find("industryor:orthought").version());
    }

    @Test
    void unknownNamesAndVersionsSayWhatExists() {
        DatasetException name = assertThrows(DatasetException.class, () -> catalog.find("nl4op"));
        assertTrue(name.getMessage().contains("did you mean 'nl4opt'"), name.getMessage());
        DatasetException version = assertThrows(DatasetException.class, () -> catalog.find("industryor:v9"));
        assertTrue(version.getMessage().contains("sirl-fixed") && version.getMessage().contains("orthought"), version.getMessage());
    }
}

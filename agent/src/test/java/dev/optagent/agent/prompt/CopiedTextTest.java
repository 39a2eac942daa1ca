package dev.optagent.agent.prompt;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

class CopiedTextTest {

    private static final String SOURCE = "A bakery sells muffins and scones. Each muffin needs 2 cups of flour; the bakery has 40 cups.";

    @Test
    void aRunOfWordsFromTheSourceIsFoundWhateverTheCaseAndPunctuation() {
        CopiedText copied = CopiedText.from(List.of(SOURCE), 6);
        assertEquals("each muffin needs 2 cups of", copied.firstCopy("When EACH muffin needs: 2 cups of sugar ...").orElseThrow());
        assertTrue(copied.copies("scones each muffin needs 2 cups"));
    }

    @Test
    void sharedShortPhrasesAndOtherTextAreNotCopies() {
        CopiedText copied = CopiedText.from(List.of(SOURCE), 6);
        assertFalse(copied.copies("each muffin needs 2 cups"), "five words are fewer than six");
        assertFalse(copied.copies("A product that needs cups of a scarce input is limited by the stock."));
        assertFalse(copied.copies(null));
        assertFalse(CopiedText.from(List.of(), 6).copies(SOURCE));
    }

    @Test
    void spansDoNotJoinTwoSources() {
        CopiedText copied = CopiedText.from(List.of("one two three", "four five six"), 4);
        assertFalse(copied.copies("two three four five"), "a span across the end of one source and the start of another is no copy");
    }

    @Test
    void aSpanOfOneWordIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CopiedText.from(List.of(SOURCE), 1));
    }
}

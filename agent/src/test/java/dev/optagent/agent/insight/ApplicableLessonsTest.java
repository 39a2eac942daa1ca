package dev.optagent.agent.insight;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ApplicableLessonsTest {

    private static final List<String> ASKED = List.of("ins-1", "ins-12", "L2");

    @Test
    void theLastVerdictLineCountsAndOnlyAskedIdsAreRead() {
        assertEquals(Set.of("ins-1", "L2"), ApplicableLessons.named("ins-12 is about routing.\nApplicable: [ins-1], [L2], [ins-99]", ASKED));
        assertEquals(Set.of("ins-12"), ApplicableLessons.named("Applicable: [ins-1]\non second thought\n**Applicable:** ins-12", ASKED),
                "the last line wins, and 'ins-1' is not read inside 'ins-12'");
        assertEquals(Set.of(), ApplicableLessons.named("Applicable: none", ASKED));
        assertEquals(Set.of(), ApplicableLessons.named("ins-1 applies, I think.", ASKED), "no verdict line, nothing named");
        assertEquals(Set.of(), ApplicableLessons.named(null, ASKED));
    }
}

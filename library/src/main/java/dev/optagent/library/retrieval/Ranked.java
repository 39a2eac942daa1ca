package dev.optagent.library.retrieval;

import dev.optagent.library.model.Insight;

/** One retrieved insight with its combined score and the signals it came from (for the trace and for tuning). */
public record Ranked(Insight insight, double score, double semantic, double lexical, double taxonomy) {
}

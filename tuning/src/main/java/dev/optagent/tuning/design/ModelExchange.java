package dev.optagent.tuning.design;

import java.util.List;

/**
 * One call to the language model during a warm start, kept in the study: the prompt sent, the reply, and what
 * was made of it (configurations kept, and each one dropped with the reason).
 */
public record ModelExchange(String prompt, String system, String user, String reply, int accepted, List<String> dropped,
                            long inputTokens, long outputTokens) {

    public ModelExchange {
        dropped = dropped == null ? List.of() : List.copyOf(dropped);
    }
}

package dev.optagent.workflow.optoprime;

/**
 * How large the optimizer's prompt may be, in tokens. Tokens are estimated as characters / 4 (a conservative
 * figure for English prose and JSON with common tokenizers; docs/workflow.md shows the measurement).
 */
public record ContextBudget(int maxTokens) {

    public static final int CHARS_PER_TOKEN = 4;

    public ContextBudget {
        if (maxTokens < 2000) throw new IllegalArgumentException("the optimizer's context budget must be at least 2000 tokens");
    }

    public static ContextBudget defaults() {
        return new ContextBudget(24_000);
    }

    public static int estimate(String text) {
        return (text.length() + CHARS_PER_TOKEN - 1) / CHARS_PER_TOKEN;
    }

    public boolean fits(int tokens) {
        return tokens <= maxTokens;
    }
}

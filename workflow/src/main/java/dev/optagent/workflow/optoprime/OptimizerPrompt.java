package dev.optagent.workflow.optoprime;

/**
 * The optimizer's prompt as sent, and how it was made to fit.
 *
 * @param detail    the summary level used: 0 everything, higher levels shorten texts, then leave runs out
 * @param runsShown runs whose subgraph is in the prompt; {@code runsLeftOut} are only counted
 */
public record OptimizerPrompt(String system, String user, int detail, int runsShown, int runsLeftOut, int estimatedTokens) { }

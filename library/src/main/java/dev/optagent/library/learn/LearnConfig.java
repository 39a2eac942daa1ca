package dev.optagent.library.learn;

import dev.optagent.library.retrieval.RetrievalConfig;

/**
 * Knobs of a learning run.
 *
 * @param samples          solves per training task with the current library (K)
 * @param verifySolves     re-solves of the source task with a candidate (3)
 * @param verifyNeed       how many of them must be right to keep it (2; AlphaOPT keeps after one)
 * @param checkSetSize     earlier-solved tasks that now retrieve the candidate and are re-solved against regression
 * @param maxCandidates    insights the diagnosis may propose per failure
 * @param mergeSimilarity  cosine of two same-label conditions above which they are merge candidates
 * @param requireApproval  accepted insights stay candidates until an admin approves them
 * @param model            the model name recorded in each insight's provenance
 */
public record LearnConfig(int samples, int verifySolves, int verifyNeed, int checkSetSize, int maxCandidates,
                          double mergeSimilarity, boolean requireApproval, String model, RetrievalConfig retrieval) {

    public LearnConfig {
        if (samples < 1) throw new IllegalArgumentException("--samples must be at least 1");
        if (verifyNeed < 1 || verifyNeed > verifySolves) throw new IllegalArgumentException("need 1 <= verifyNeed <= verifySolves");
    }

    public static LearnConfig defaults(String model) {
        return new LearnConfig(1, 3, 2, 2, 2, 0.85, false, model, RetrievalConfig.defaults());
    }

    public LearnConfig withSamples(int k) {
        return new LearnConfig(k, verifySolves, verifyNeed, checkSetSize, maxCandidates, mergeSimilarity, requireApproval, model, retrieval);
    }

    public LearnConfig withApproval(boolean required) {
        return new LearnConfig(samples, verifySolves, verifyNeed, checkSetSize, maxCandidates, mergeSimilarity, required, model, retrieval);
    }
}

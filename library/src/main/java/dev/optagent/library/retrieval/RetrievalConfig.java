package dev.optagent.library.retrieval;

/**
 * Stage-1 retrieval knobs: how many candidates reach the prompt, the weights of the three signals, and the score below
 * which nothing is shown (so a problem that fits no insight gets the stage's prompt exactly as versioned).
 */
public record RetrievalConfig(int topK, double minScore, double semanticWeight, double lexicalWeight, double taxonomyWeight) {

    public static RetrievalConfig defaults() {
        return new RetrievalConfig(3, 0.35, 0.6, 0.3, 0.1);
    }

    public RetrievalConfig withTopK(int k) {
        return new RetrievalConfig(k, minScore, semanticWeight, lexicalWeight, taxonomyWeight);
    }

    public RetrievalConfig withMinScore(double min) {
        return new RetrievalConfig(topK, min, semanticWeight, lexicalWeight, taxonomyWeight);
    }
}

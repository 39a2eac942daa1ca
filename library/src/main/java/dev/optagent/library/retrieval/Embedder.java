package dev.optagent.library.retrieval;

/** Text to a unit vector, in process (no network, no LLM call). */
@FunctionalInterface
public interface Embedder {

    float[] embed(String text);

    /** The all-MiniLM-L6-v2 ONNX model shipped as a jar (LangChain4j in-process embeddings), loaded once per JVM. */
    static Embedder miniLm() {
        return MiniLmEmbedder.INSTANCE;
    }

    /** This embedder with a memory: learning re-ranks the same insight texts many times. */
    static Embedder cached(Embedder embedder) {
        java.util.Map<String, float[]> memory = new java.util.concurrent.ConcurrentHashMap<>();
        return text -> memory.computeIfAbsent(text, embedder::embed);
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0, na = 0, nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.sqrt(na * nb);
    }
}

package dev.optagent.library.retrieval;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;

/**
 * LangChain4j's in-process all-MiniLM-L6-v2 (384 dimensions, ≈ 23 MB, ONNX runtime): good enough to tell a blending
 * problem from a routing one, cheap enough to run on every problem. Loaded lazily: only runs that retrieve pay for it.
 */
final class MiniLmEmbedder implements Embedder {

    static final MiniLmEmbedder INSTANCE = new MiniLmEmbedder();

    private volatile EmbeddingModel model;

    private EmbeddingModel model() {
        EmbeddingModel loaded = model;
        if (loaded == null) {
            synchronized (this) {
                if (model == null) model = new AllMiniLmL6V2EmbeddingModel();
                loaded = model;
            }
        }
        return loaded;
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }
}

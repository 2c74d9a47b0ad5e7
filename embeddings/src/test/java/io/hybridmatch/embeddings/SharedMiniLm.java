package io.hybridmatch.embeddings;

/** One real all-MiniLM-L6-v2 embedder for the whole test run: loading the 90 MB model per test would dominate. */
final class SharedMiniLm {

    private static final OnnxSentenceEmbedder EMBEDDER = OnnxSentenceEmbedder.allMiniLmL6V2();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EMBEDDER::close));
    }

    private SharedMiniLm() {
    }

    static OnnxSentenceEmbedder embedder() {
        return EMBEDDER;
    }
}

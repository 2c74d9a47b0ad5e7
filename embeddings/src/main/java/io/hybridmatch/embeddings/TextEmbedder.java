package io.hybridmatch.embeddings;

import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Turns texts into L2-normalised sentence vectors. Thread-safe. */
public interface TextEmbedder extends AutoCloseable {

    /** Identifies the model, e.g. "all-minilm-l6-v2"; vectors of different models never mix. */
    String modelId();

    int dimension();

    /** One vector per text, in order. */
    List<float[]> embed(List<String> texts);

    /** One vector; a null text reaches {@link #embed(List)} and is rejected there like any other bad input. */
    default float[] embed(String text) {
        return embed(Collections.singletonList(text)).getFirst();
    }

    /**
     * Erasure: drops whatever this embedder keeps of these texts (a cache's text → vector entries), so that a deleted
     * person's texts do not outlive the deletion in memory. An embedder that keeps nothing has nothing to do.
     */
    default void forget(Collection<String> texts) {
    }

    @Override
    void close();
}

package io.hybridmatch.embeddings;

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

    @Override
    void close();
}

package io.hybridmatch.embeddings;

import java.nio.FloatBuffer;

/** Reduces a model's per-token hidden states to one sentence vector. */
public enum Pooling {

    /** Average of the token vectors the attention mask marks as real (sentence-transformers MiniLM, mpnet, E5). */
    MEAN {
        @Override
        float[] pool(FloatBuffer hidden, long[] attentionMask, int row, int sequenceLength, int dimension) {
            float[] sum = new float[dimension];
            int tokens = 0;
            for (int t = 0; t < sequenceLength; t++) {
                if (attentionMask[row * sequenceLength + t] == 0) {
                    continue;
                }
                int offset = (row * sequenceLength + t) * dimension;
                for (int d = 0; d < dimension; d++) {
                    sum[d] += hidden.get(offset + d);
                }
                tokens++;
            }
            // The tokenizer always emits at least one special token, so tokens > 0; guard anyway against a bad mask.
            float scale = 1f / Math.max(tokens, 1);
            for (int d = 0; d < dimension; d++) {
                sum[d] *= scale;
            }
            return sum;
        }
    },

    /** The first token's vector (models trained with a [CLS] objective, e.g. BGE). */
    CLS {
        @Override
        float[] pool(FloatBuffer hidden, long[] attentionMask, int row, int sequenceLength, int dimension) {
            float[] first = new float[dimension];
            hidden.get(row * sequenceLength * dimension, first);
            return first;
        }
    };

    /**
     * @param hidden        row-major [batch, sequenceLength, dimension] hidden states
     * @param attentionMask row-major [batch, sequenceLength] mask, 1 for real tokens and 0 for padding
     */
    abstract float[] pool(FloatBuffer hidden, long[] attentionMask, int row, int sequenceLength, int dimension);
}

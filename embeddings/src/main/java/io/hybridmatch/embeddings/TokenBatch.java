package io.hybridmatch.embeddings;

/**
 * Token ids of several texts padded to one length, laid out row-major as ONNX Runtime wants them.
 *
 * @param inputIds      [size, sequenceLength] token ids, padding included
 * @param attentionMask [size, sequenceLength] 1 for a real token, 0 for padding
 * @param tokenTypeIds  [size, sequenceLength] segment ids (all 0 for a single sentence)
 */
record TokenBatch(int size, int sequenceLength, long[] inputIds, long[] attentionMask, long[] tokenTypeIds) {

    long[] shape() {
        return new long[] {size, sequenceLength};
    }
}

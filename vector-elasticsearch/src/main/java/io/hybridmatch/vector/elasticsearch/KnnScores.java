package io.hybridmatch.vector.elasticsearch;

import co.elastic.clients.elasticsearch._types.mapping.DenseVectorSimilarity;
import io.hybridmatch.vector.Metric;

/**
 * The Elasticsearch similarity for each {@link Metric} and the inverse of the transform Elasticsearch applies to make
 * every kNN {@code _score} positive, so that hits carry the raw metric as the vector-store contract says.
 */
final class KnnScores {

    private KnnScores() {
    }

    /**
     * {@code max_inner_product} rather than {@code dot_product}: the latter refuses vectors that are not unit length,
     * and the store does not require that.
     */
    static DenseVectorSimilarity similarity(Metric metric) {
        return switch (metric) {
            case INNER_PRODUCT -> DenseVectorSimilarity.MaxInnerProduct;
            case L2 -> DenseVectorSimilarity.L2Norm;
        };
    }

    static float raw(Metric metric, double score) {
        return (float) switch (metric) {
            // score = 1 / (1 - dot) when dot < 0, else dot + 1
            case INNER_PRODUCT -> score < 1 ? 1 - 1 / score : score - 1;
            // score = 1 / (1 + squared distance)
            case L2 -> 1 / score - 1;
        };
    }
}

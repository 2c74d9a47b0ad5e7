package io.hybridmatch.vector.elasticsearch;

import io.hybridmatch.vector.Metric;

/**
 * One entity's vectors in Elasticsearch.
 *
 * @param name           the entity ("candidates"), the store's name
 * @param index          the Elasticsearch index holding them
 * @param m              HNSW graph degree
 * @param efConstruction HNSW candidates kept while building the graph
 * @param numCandidates  candidates a search explores per shard (HNSW's ef_search), at least k
 * @param quantized      int8 scalar quantisation of the graph's vectors ({@code int8_hnsw}: a quarter of the memory);
 *                       hits are then rescored with the float vectors, so scores stay exact
 * @param shards         primary shards (a new index only)
 * @param replicas       copies of each shard on other nodes
 */
public record ElasticsearchVectorIndexSpec(String name, int dimension, Metric metric, String index, int m,
                                           int efConstruction, int numCandidates, boolean quantized, int shards,
                                           int replicas) {

    public ElasticsearchVectorIndexSpec {
        if (dimension < 1 || m < 2 || efConstruction < m || numCandidates < 1 || shards < 1 || replicas < 0) {
            throw new IllegalArgumentException("invalid vector index settings for '" + name + "'");
        }
    }

    /** Index {@link #indexOf(String) vectors-<name>}, HNSW m=16, ef_construction=100, 64 candidates, int8, one shard, no replica. */
    public static ElasticsearchVectorIndexSpec of(String name, int dimension, Metric metric) {
        return new ElasticsearchVectorIndexSpec(name, dimension, metric, indexOf(name), 16, 100, 64, true, 1, 0);
    }

    /** The index an entity's vectors live in: {@code vectors-<name>}. */
    public static String indexOf(String name) {
        return "vectors-" + name;
    }

    public ElasticsearchVectorIndexSpec inIndex(String otherIndex) {
        return new ElasticsearchVectorIndexSpec(name, dimension, metric, otherIndex, m, efConstruction, numCandidates,
                quantized, shards, replicas);
    }
}

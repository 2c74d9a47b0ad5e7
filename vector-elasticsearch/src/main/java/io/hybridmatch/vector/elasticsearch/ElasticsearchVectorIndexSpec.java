package io.hybridmatch.vector.elasticsearch;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorIndexSettings;

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

    /** Index {@link #indexOf(String) vectors-<name>} with the {@link VectorIndexSettings#defaults default settings}. */
    public static ElasticsearchVectorIndexSpec of(String name, int dimension, Metric metric) {
        return of(name, dimension, VectorIndexSettings.defaults(metric));
    }

    /** Index {@link #indexOf(String) vectors-<name>} as configured ({@code ef-search} is the candidates' number). */
    public static ElasticsearchVectorIndexSpec of(String name, int dimension, VectorIndexSettings settings) {
        return new ElasticsearchVectorIndexSpec(name, dimension, settings.metric(), indexOf(name), settings.hnswM(),
                settings.efConstruction(), settings.efSearch(), settings.quantized(), settings.shards(),
                settings.replicas());
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

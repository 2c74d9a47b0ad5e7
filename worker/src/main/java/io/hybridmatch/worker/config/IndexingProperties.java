package io.hybridmatch.worker.config;

import io.hybridmatch.embeddings.EmbeddingSettings;
import io.hybridmatch.search.elasticsearch.ElasticsearchSettings;
import io.hybridmatch.vector.VectorBackend;
import io.hybridmatch.vector.VectorIndexSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the indexing tasks need, under {@code hybridmatch.*}: the cluster, the model and the vector indexes in the
 * records the engine binds too (so both sides read them the same way, with the same defaults), where vectors go,
 * the engine's URL and key, and the micro-batching. Defaults are written here or in those records once; worker.yml
 * only overrides. The Elasticsearch URL is required: without it the worker refuses to start
 * ({@link ElasticsearchSettings}) rather than consume tasks it cannot run. The retry policy is
 * {@code tasks/InfrastructureRetry} ({@code hybridmatch.indexing.retry.*}).
 *
 * @param vectorStore  the engine's {@code hybridmatch.vector-store} ({@link WorkerVectorStores})
 * @param vectorIndexes the engine's {@code hybridmatch.vector-indexes.<entity>.*}, read with vector-store
 *                      {@code elasticsearch} only
 */
@ConfigurationProperties("hybridmatch")
record IndexingProperties(
        @DefaultValue ElasticsearchSettings elasticsearch,
        @DefaultValue EmbeddingSettings embeddings,
        @DefaultValue("faiss") VectorBackend vectorStore,
        Map<String, VectorIndexSettings> vectorIndexes,
        @DefaultValue Engine engine,
        @DefaultValue Indexing indexing) {

    /**
     * The engine the vectors go through with vector-store {@code faiss}, and the key presented to it
     * ({@link EngineApiKey}).
     */
    record Engine(@DefaultValue("http://127.0.0.1:8080") URI url, String apiKey, String apiKeyFile) {
    }

    record Indexing(@DefaultValue Batching batching) {
    }

    /**
     * The documents of the single-document tasks in flight are indexed together: up to {@code maxItems}, the first
     * waiting at most {@code linger} for others; up to {@code parallelBatches} batches at once, so that one embeds
     * while another waits for Elasticsearch or the engine. One by default: on 2 shared cores two cost more CPU per
     * task (smaller batches) without a steady gain in tasks/s (root README, "Indexing at the model's speed").
     */
    record Batching(@DefaultValue("64") int maxItems, @DefaultValue("3ms") Duration linger,
                    @DefaultValue("1") int parallelBatches) {
    }
}

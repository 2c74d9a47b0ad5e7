package io.hybridmatch.engine.config;

import io.hybridmatch.embeddings.EmbeddingSettings;
import io.hybridmatch.search.elasticsearch.ElasticsearchSettings;
import io.hybridmatch.vector.VectorBackend;
import io.hybridmatch.vector.VectorIndexSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything a deployment tunes, under {@code hybridmatch.*}. Defaults are written once, here or in the shared
 * records (application.yml only overrides and documents). {@code embeddings}, {@code elasticsearch} and
 * {@code vector-indexes} are the records the worker binds too, so both sides read one model and one cluster the
 * same way. {@code vector-indexes.<entity>} (candidates, job_offers) tunes an entity's index; absent: defaults.
 */
@ConfigurationProperties("hybridmatch")
public record HybridmatchProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue EmbeddingSettings embeddings,
        @DefaultValue("faiss") VectorBackend vectorStore,
        Map<String, VectorIndexSettings> vectorIndexes,
        @DefaultValue ElasticsearchSettings elasticsearch,
        @DefaultValue Demo demo,
        Matching matching,
        @DefaultValue Monitoring monitoring) {

    /**
     * Drift: observations forming the baseline, then the sliding window compared with it; freshness: the window of
     * the index freshness gauges.
     */
    public record Monitoring(@DefaultValue("1000") int driftBaselineSize, @DefaultValue("1000") int driftWindowSize,
                             @DefaultValue("15m") Duration freshnessWindow) {
    }

    /**
     * The ranking model file (category weights and default fusion, written by {@code eval/train}; the bundled model
     * when absent), per-category weights that override the model's (retrieval or any criterion by name), and
     * whether the vector hits' scoring fields are read while the keyword query runs ({@code prefetch}, default on;
     * off: after fusion, fewer documents read but one more round trip per request; bench/latency/README.md).
     */
    public record Matching(Path model, Map<String, Double> weights, @DefaultValue("true") boolean prefetch) {
    }

    public record Demo(@DefaultValue("false") boolean enabled) {
    }
}

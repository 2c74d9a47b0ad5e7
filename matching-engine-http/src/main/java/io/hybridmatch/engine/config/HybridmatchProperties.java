package io.hybridmatch.engine.config;

import io.hybridmatch.vector.Metric;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** Everything a deployment tunes, under {@code hybridmatch.*} (application.yml lists the defaults). */
@ConfigurationProperties("hybridmatch")
@Validated
public record HybridmatchProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Embeddings embeddings,
        @DefaultValue("faiss") VectorBackend vectorStore,
        Map<String, VectorIndex> vectorIndexes,
        @Valid @DefaultValue Elasticsearch elasticsearch,
        @DefaultValue Demo demo,
        Matching matching,
        @DefaultValue Monitoring monitoring) {

    /** Drift: observations forming the baseline, then the sliding window compared with it. */
    public record Monitoring(@DefaultValue("1000") int driftBaselineSize, @DefaultValue("1000") int driftWindowSize) {
    }

    /**
     * The ranking model file (category weights and default fusion, written by {@code eval/train}; the bundled model
     * when absent) and per-category weights that override the model's (retrieval or any criterion by name).
     */
    public record Matching(Path model, Map<String, Double> weights) {
    }

    /**
     * The sentence model. Without {@code onnxModel} the bundled all-MiniLM-L6-v2 is used; another ONNX sentence
     * model is a matter of these properties ({@code classpath:} or file locations).
     */
    public record Embeddings(
            String modelId,
            String onnxModel,
            String tokenizer,
            Integer maxSequenceLength,
            Integer batchSize,
            Integer intraOpThreads,
            @DefaultValue("20000") long cacheSize) {
    }

    /**
     * Where vectors live: FAISS files under {@code data-dir/vectors} (one engine owns them), or Elasticsearch
     * {@code dense_vector} indexes {@code vectors-<entity>} (stateless engines, as many as the cluster serves).
     */
    public enum VectorBackend { FAISS, ELASTICSEARCH }

    /**
     * One vector index per entity. FAISS: {@code factory} is an index_factory string, {@code ef-search} and
     * {@code nprobe} its search breadth. Elasticsearch: HNSW with {@code hnsw-m} links per node and
     * {@code ef-construction}, {@code quantized} int8 (hits rescored with the float vectors), {@code ef-search} as
     * num_candidates, {@code shards} and {@code replicas} of a new index.
     */
    public record VectorIndex(
            @DefaultValue("HNSW32,Flat") String factory,
            @DefaultValue("inner_product") Metric metric,
            @DefaultValue("64") int efSearch,
            @DefaultValue("16") int nprobe,
            @DefaultValue("16") int hnswM,
            @DefaultValue("100") int efConstruction,
            @DefaultValue("true") boolean quantized,
            @DefaultValue("1") int shards,
            @DefaultValue("0") int replicas) {
    }

    /** The cluster, required: the engine never starts one (bin/run starts a supervised local node and passes its URL). */
    public record Elasticsearch(
            @NotBlank(message = "must name the Elasticsearch cluster (environment: ELASTICSEARCH_URL); the engine does"
                    + " not start one: bin/run starts a local node and passes its URL") String url) {
    }

    public record Demo(@DefaultValue("false") boolean enabled) {
    }
}

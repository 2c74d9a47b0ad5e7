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
        Map<String, VectorIndex> vectorIndexes,
        @Valid @DefaultValue Elasticsearch elasticsearch,
        @DefaultValue Demo demo,
        Matching matching,
        @DefaultValue Monitoring monitoring) {

    /** Drift: observations forming the baseline, then the sliding window compared with it. */
    public record Monitoring(@DefaultValue("1000") int driftBaselineSize, @DefaultValue("1000") int driftWindowSize) {
    }

    /** Category weights of the final score (retrieval, skills, seniority, location, experience, languages, education). */
    public record Matching(Map<String, Double> weights) {
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

    /** One vector index per entity; {@code factory} is a FAISS index_factory string. */
    public record VectorIndex(
            @DefaultValue("HNSW32,Flat") String factory,
            @DefaultValue("inner_product") Metric metric,
            @DefaultValue("64") int efSearch,
            @DefaultValue("16") int nprobe) {
    }

    /** The cluster, required: the engine never starts one (bin/run starts a supervised local node and passes its URL). */
    public record Elasticsearch(
            @NotBlank(message = "must name the Elasticsearch cluster (environment: ELASTICSEARCH_URL); the engine does"
                    + " not start one: bin/run starts a local node and passes its URL") String url) {
    }

    public record Demo(@DefaultValue("false") boolean enabled) {
    }
}

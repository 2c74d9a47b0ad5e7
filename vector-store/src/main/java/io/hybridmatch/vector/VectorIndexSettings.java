package io.hybridmatch.vector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How one entity's vector index is tuned ({@code hybridmatch.vector-indexes.<entity>.*}), bound by the engine and
 * the worker from this one record, with its defaults written here once (absent values take them). FAISS reads
 * {@code factory} (an index_factory string), {@code efSearch} and {@code nprobe}; Elasticsearch reads {@code hnswM},
 * {@code efConstruction}, {@code quantized} (int8, hits rescored with the float vectors), {@code efSearch} (as
 * num_candidates), {@code shards} and {@code replicas} of a new index.
 */
public record VectorIndexSettings(String factory, Metric metric, Integer efSearch, Integer nprobe, Integer hnswM,
                                  Integer efConstruction, Boolean quantized, Integer shards, Integer replicas) {

    public VectorIndexSettings {
        // IVF_FLAT, not HNSW32: exact on MiniLM vectors of generated profiles where HNSW32 lost 7 % of the neighbours
        // (identical texts, which its graph links badly), less memory, cheaper rebuilds; an exact index until
        // 39 × 1,024 vectors exist to train it (bench/index-types/README.md)
        factory = factory == null ? "IVF1024,Flat" : factory;
        metric = metric == null ? Metric.INNER_PRODUCT : metric;
        efSearch = efSearch == null ? 64 : efSearch;
        nprobe = nprobe == null ? 16 : nprobe;
        hnswM = hnswM == null ? 16 : hnswM;
        efConstruction = efConstruction == null ? 100 : efConstruction;
        quantized = quantized == null ? Boolean.TRUE : quantized;
        shards = shards == null ? 1 : shards;
        replicas = replicas == null ? 0 : replicas;
    }

    /** Every default, with {@code metric}. */
    public static VectorIndexSettings defaults(Metric metric) {
        return new VectorIndexSettings(null, metric, null, null, null, null, null, null, null);
    }

    /**
     * The settings of each entity, in the entities' order: the configured ones, the defaults for the others. A
     * configured name that is no entity is refused (a misspelt entity would otherwise silently keep the defaults).
     */
    public static Map<String, VectorIndexSettings> forEntities(Map<String, VectorIndexSettings> configured,
                                                               List<String> entities) {
        Map<String, VectorIndexSettings> given = configured == null ? Map.of() : configured;
        List<String> unknown = given.keySet().stream().filter(name -> !entities.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("hybridmatch.vector-indexes names " + unknown + ", which are not among "
                    + entities);
        }
        Map<String, VectorIndexSettings> all = new LinkedHashMap<>();
        entities.forEach(name -> all.put(name, given.getOrDefault(name, defaults(Metric.INNER_PRODUCT))));
        return all;
    }
}

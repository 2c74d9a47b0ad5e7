package io.hybridmatch.worker.config;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorIndexSpec;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorStores;
import io.hybridmatch.vector.http.HttpVectorStores;
import java.net.URI;
import java.util.List;
import java.util.function.IntSupplier;
import org.springframework.core.env.Environment;

/**
 * Where the worker writes vectors, following the engine's {@code hybridmatch.vector-store}: with {@code faiss} (the
 * default) through the engine's {@code /faiss} API, since one engine process owns the FAISS files; with
 * {@code elasticsearch} straight into the {@code vectors-<entity>} indexes the engines read, so indexing needs no
 * engine up and saves a hop. The Elasticsearch indexes are described by the same
 * {@code hybridmatch.vector-indexes.<entity>.*} properties as in the engine (metric, hnsw-m, ef-construction,
 * quantized, shards, replicas): whichever process opens an index first creates it, and an existing index of another
 * dimension or metric is refused.
 */
final class WorkerVectorStores {

    static final String BACKEND = "hybridmatch.vector-store";

    private WorkerVectorStores() {
    }

    static boolean inElasticsearch(Environment env) {
        String backend = env.getProperty(BACKEND, "faiss").trim();
        return switch (backend.toLowerCase(java.util.Locale.ROOT)) {
            case "faiss" -> false;
            case "elasticsearch" -> true;
            default -> throw new IllegalStateException(BACKEND + " must be faiss or elasticsearch: " + backend);
        };
    }

    /** The dimension is asked for only when the Elasticsearch indexes need it (it loads the model). */
    static VectorStoreRegistry open(Environment env, List<String> entities, IntSupplier dimension,
                                    ElasticsearchClient es) {
        if (inElasticsearch(env)) {
            int dims = dimension.getAsInt();
            return ElasticsearchVectorStores.open(es, entities.stream().map(name -> spec(env, name, dims)).toList());
        }
        URI engine = URI.create(env.getProperty("hybridmatch.engine.url", "http://127.0.0.1:8080"));
        return HttpVectorStores.connect(engine, entities, EngineApiKey.from(env));
    }

    /** The engine's {@code hybridmatch.vector-indexes.<name>.*}, with the same defaults. */
    static ElasticsearchVectorIndexSpec spec(Environment env, String name, int dimension) {
        String prefix = "hybridmatch.vector-indexes." + name + ".";
        Metric metric = env.getProperty(prefix + "metric", Metric.class, Metric.INNER_PRODUCT);
        ElasticsearchVectorIndexSpec defaults = ElasticsearchVectorIndexSpec.of(name, dimension, metric);
        return new ElasticsearchVectorIndexSpec(name, dimension, metric, defaults.index(),
                env.getProperty(prefix + "hnsw-m", Integer.class, defaults.m()),
                env.getProperty(prefix + "ef-construction", Integer.class, defaults.efConstruction()),
                env.getProperty(prefix + "ef-search", Integer.class, defaults.numCandidates()),
                env.getProperty(prefix + "quantized", Boolean.class, defaults.quantized()),
                env.getProperty(prefix + "shards", Integer.class, defaults.shards()),
                env.getProperty(prefix + "replicas", Integer.class, defaults.replicas()));
    }
}

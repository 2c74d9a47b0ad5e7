package io.hybridmatch.indexing;

/** Receives how long each Elasticsearch call of the pipeline took (a metrics binding, or nothing). */
@FunctionalInterface
public interface ElasticsearchTimings {

    ElasticsearchTimings NONE = (index, operation, nanos) -> { };

    /** @param operation {@code index}, {@code bulk}, {@code delete} or {@code get} */
    void record(String index, String operation, long nanos);
}

package io.hybridmatch.monitoring;

import io.hybridmatch.indexing.ElasticsearchTimings;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Elasticsearch latency per index and operation, {@code hybridmatch_elasticsearch_seconds{index,operation}}: the
 * counterpart of the vector store's {@code hybridmatch_vector_seconds}, so the two can be read side by side.
 */
public final class MeteredElasticsearchTimings {

    private MeteredElasticsearchTimings() {
    }

    public static ElasticsearchTimings of(MeterRegistry registry) {
        return (index, operation, nanos) -> Timer.builder("hybridmatch.elasticsearch").tag("index", index)
                .tag("operation", operation).publishPercentileHistogram().register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}

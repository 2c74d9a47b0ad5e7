package io.hybridmatch.monitoring;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreBackup;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every vector-store operation ({@code hybridmatch_vector_seconds{index,operation}}) and feeds search results
 * to the drift monitor; the store itself is untouched.
 */
public final class MeteredVectorStore implements VectorStore {

    private final VectorStore delegate;
    private final MeterRegistry registry;
    private final EmbeddingDriftMonitor drift;

    public MeteredVectorStore(VectorStore delegate, MeterRegistry registry, EmbeddingDriftMonitor drift) {
        this.delegate = delegate;
        this.registry = registry;
        this.drift = drift;
    }

    private <T> T timed(String operation, Supplier<T> call) {
        return Timer.builder("hybridmatch.vector").tag("index", delegate.name()).tag("operation", operation)
                .publishPercentileHistogram().register(registry).record(call);
    }

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public int dimension() {
        return delegate.dimension();
    }

    @Override
    public Metric metric() {
        return delegate.metric();
    }

    @Override
    public void upsert(List<VectorRecord> records) {
        timed("upsert", () -> {
            delegate.upsert(records);
            return null;
        });
    }

    @Override
    public int delete(Collection<Long> ids) {
        return timed("delete", () -> delegate.delete(ids));
    }

    @Override
    public List<VectorHit> search(VectorQuery query) {
        List<VectorHit> hits = timed(query.filtered() ? "search_filtered" : "search", () -> delegate.search(query));
        drift.observe(delegate.name(), query.vector(), hits);
        return hits;
    }

    @Override
    public Optional<float[]> vector(long id) {
        return timed("get", () -> delegate.vector(id));
    }

    @Override
    public boolean contains(long id) {
        return delegate.contains(id);
    }

    @Override
    public long size() {
        return delegate.size();
    }

    @Override
    public java.util.stream.LongStream ids() {
        return delegate.ids();
    }

    @Override
    public int purgeDeleted() {
        return timed("purge", delegate::purgeDeleted);
    }

    @Override
    public VectorStoreBackup backupTo(Path directory) {
        return timed("backup", () -> delegate.backupTo(directory));
    }

    @Override
    public void close() {
        delegate.close();
    }
}

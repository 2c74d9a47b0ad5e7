package io.hybridmatch.worker.batching;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;

import java.time.Duration;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * Sends the upserts of concurrent tasks as one write ({@link MicroBatcher}): one HTTP request to the engine and one
 * log fsync there instead of one each per vector. Each caller returns once the write holding its records is durable,
 * as {@link VectorStore#upsert} promises. Other calls pass through. Owns the delegate.
 */
public final class BatchingVectorStore implements VectorStore {

    private final VectorStore delegate;
    private final MicroBatcher<VectorRecord, Boolean> upserts;

    public BatchingVectorStore(VectorStore delegate, int maxRecords, Duration linger) {
        this.delegate = delegate;
        this.upserts = new MicroBatcher<>("upserts-" + delegate.name(), records -> {
            delegate.upsert(records);
            return Collections.nCopies(records.size(), Boolean.TRUE);
        }, maxRecords, linger);
    }

    /** Every store of {@code stores} batched; closing the result closes them. */
    public static VectorStoreRegistry wrap(VectorStoreRegistry stores, int maxRecords, Duration linger) {
        Map<String, VectorStore> batched = new LinkedHashMap<>();
        for (String name : stores.names()) {
            batched.put(name, new BatchingVectorStore(stores.find(name).orElseThrow(), maxRecords, linger));
        }
        return VectorStoreRegistry.of(batched);
    }

    @Override
    public void upsert(List<VectorRecord> records) {
        upserts.submit(records);
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
    public int delete(Collection<Long> ids) {
        return delegate.delete(ids);
    }

    @Override
    public List<VectorHit> search(VectorQuery query) {
        return delegate.search(query);
    }

    @Override
    public Optional<float[]> vector(long id) {
        return delegate.vector(id);
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
    public LongStream ids() {
        return delegate.ids();
    }

    @Override
    public void close() {
        upserts.close();
        delegate.close();
    }
}

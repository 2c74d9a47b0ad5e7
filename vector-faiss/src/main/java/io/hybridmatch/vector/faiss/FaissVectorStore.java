package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorInput;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreBackup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * A {@link VectorStore} over one FAISS index in its own directory.
 *
 * <ul>
 *   <li><b>Durability</b>: every write is appended to a write-ahead log and fsynced before it is applied and before
 *       the call returns; snapshots ({@code write_index} + label map) bound the log; opening replays the log over the
 *       last snapshot.</li>
 *   <li><b>Upsert and delete on any index type</b>: FAISS labels are insertion positions; replacing or deleting an id
 *       turns its old label into a tombstone that searches exclude with an {@code IDSelectorBitmap} (FAISS 1.7.3's
 *       HNSW cannot remove in place). Past {@link FaissStoreTuning#compactionRatio()} the index is rebuilt from its
 *       live vectors.</li>
 *   <li><b>IVF training</b>: until enough vectors exist to train the configured IVF index, vectors live in an exact
 *       flat index; the store then trains and rebuilds into the configured type. A changed factory in the
 *       configuration is applied the same way on open.</li>
 *   <li><b>Concurrency</b>: searches run in parallel; a write blocks them only while FAISS itself changes. Rebuilds
 *       and snapshots read the index while searches continue and swap the result in under the write lock.</li>
 * </ul>
 */
public final class FaissVectorStore implements VectorStore {

    private static final String STAGING_FACTORY = "Flat";
    private static final int RECONSTRUCT_CHUNK = 4_096;

    private final Path directory;
    private final FaissIndexSpec spec;
    private final FaissStoreTuning tuning;
    private final boolean targetNeedsTraining;
    private final DirectoryLock directoryLock;
    private final SearchPlanner planner;
    /** Held by writes, rebuilds and snapshots, which are therefore serial; searches never take it. */
    private final ReentrantLock writer = new ReentrantLock();
    /** Read: searches and lookups. Write: the moments FAISS or the label map change. */
    private final ReentrantReadWriteLock access = new ReentrantReadWriteLock();

    private FaissIndex index;
    private String indexFactory;
    private LabelMap labels;
    private long sequence;
    private long snapshotSequence;
    private WriteAheadLog wal;
    /** Some deleted or replaced vector may still be in the index, the log or the snapshot: a purge has work to do. */
    private boolean holdsDeleted;
    private boolean closed;

    private FaissVectorStore(Path directory, FaissIndexSpec spec, FaissStoreTuning tuning, DirectoryLock directoryLock) {
        this.directory = directory;
        this.spec = spec;
        this.tuning = tuning;
        this.directoryLock = directoryLock;
        this.planner = new SearchPlanner(spec, tuning);
        try (FaissIndex probe = FaissIndex.create(spec.dimension(), spec.factory(), spec.metric())) {
            this.targetNeedsTraining = !probe.isTrained();
        }
    }

    public static FaissVectorStore open(Path directory, FaissIndexSpec spec) {
        return open(directory, spec, FaissStoreTuning.defaults());
    }

    /** Opens (or creates) the store in {@code directory}, which one open store at a time may use. */
    public static FaissVectorStore open(Path directory, FaissIndexSpec spec, FaissStoreTuning tuning) {
        try {
            DirectoryLock lock = DirectoryLock.acquire(directory);
            FaissVectorStore store;
            try {
                store = new FaissVectorStore(directory, spec, tuning, lock);
            } catch (RuntimeException e) { // e.g. a factory FAISS does not know: the directory stays usable
                lock.close();
                throw e;
            }
            try {
                store.load();
                return store;
            } catch (IOException | RuntimeException e) {
                store.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open vector store " + directory, e);
        }
    }

    private void load() throws IOException {
        Optional<Snapshot> snapshot = Snapshot.read(directory);
        if (snapshot.isPresent()) {
            Snapshot s = snapshot.get();
            index = s.index();
            if (index.dimension() != spec.dimension() || index.metric() != spec.metric()) {
                throw new IllegalStateException("vector store " + directory + " holds " + index.dimension() + "-dimension "
                        + index.metric() + " vectors; the configuration asks for " + spec.dimension() + "-dimension "
                        + spec.metric() + " (re-embed into a new store to change model or metric)");
            }
            indexFactory = s.factory();
            labels = s.labels();
            sequence = snapshotSequence = s.sequence();
            holdsDeleted = labels.tombstones() > 0;
        } else {
            indexFactory = targetNeedsTraining ? STAGING_FACTORY : spec.factory();
            index = FaissIndex.create(spec.dimension(), indexFactory, spec.metric());
            labels = new LabelMap();
        }
        configure(index);
        wal = WriteAheadLog.open(directory.resolve("wal.log"), spec.dimension(), entry -> {
            if (entry.sequence() > sequence) {
                switch (entry) {
                    case WalEntry.Upsert u -> applyUpsert(u.records());
                    case WalEntry.Delete d -> applyDelete(d.ids());
                }
                sequence = entry.sequence();
                maintain();
            } else {
                // left behind by a crash between a snapshot and the log's reset
                holdsDeleted = true;
            }
        });
        maintain();
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public Metric metric() {
        return spec.metric();
    }

    public FaissIndexSpec spec() {
        return spec;
    }

    @Override
    public void upsert(List<VectorRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        List<VectorRecord> batch = VectorInput.upsertBatch(records, spec.dimension(), spec.name());
        write(() -> {
            long next = sequence + 1;
            wal.appendUpsert(next, batch);
            applyUpsert(batch);
            sequence = next;
            return null;
        });
    }

    @Override
    public int delete(Collection<Long> ids) {
        return write(() -> {
            long[] present = ids.stream().distinct().filter(id -> labels.labelOf(id) >= 0)
                    .mapToLong(Long::longValue).toArray();
            if (present.length == 0) {
                return 0;
            }
            long next = sequence + 1;
            wal.appendDelete(next, present);
            applyDelete(present);
            sequence = next;
            return present.length;
        });
    }

    @Override
    public List<VectorHit> search(VectorQuery query) {
        VectorInput.checkQuery(query, spec.dimension(), spec.name());
        return read(() -> planner.search(index, labels, query));
    }

    @Override
    public Optional<float[]> vector(long id) {
        return read(() -> {
            int label = labels.labelOf(id);
            return label < 0 ? Optional.empty() : Optional.of(index.reconstruct(label, 1));
        });
    }

    @Override
    public boolean contains(long id) {
        return read(() -> labels.labelOf(id) >= 0);
    }

    @Override
    public long size() {
        return read(() -> (long) labels.liveCount());
    }

    @Override
    public java.util.stream.LongStream ids() {
        return java.util.stream.LongStream.of(read(labels::liveIds));
    }

    /** Counts and the FAISS index type in use, for monitoring. */
    public FaissStoreStats stats() {
        return read(() -> new FaissStoreStats(spec.name(), indexFactory, labels.liveCount(), labels.tombstones(),
                sequence - snapshotSequence));
    }

    /** Writes a snapshot now and empties the write-ahead log (also done on close and as the log grows). */
    public void checkpoint() {
        write(() -> {
            snapshot();
            return null;
        });
    }

    /**
     * Erasure on disk: rebuilds the index from its live vectors (dropping every tombstone), writes a new snapshot,
     * deletes the older snapshot files and empties the write-ahead log, all before returning; afterwards no file in
     * the store's directory and no FAISS structure in memory holds a deleted or replaced vector. Writes wait
     * meanwhile; searches go on until the rebuilt index is swapped in. Returns the tombstones removed from the index.
     */
    @Override
    public int purgeDeleted() {
        return write(this::purge);
    }

    private int purge() throws IOException {
        if (!holdsDeleted) {
            return 0;
        }
        int removed = labels.tombstones();
        if (removed > 0) {
            rebuild(compactionFactory());
        }
        if (sequence == snapshotSequence) {
            // a new snapshot name, so the older files are deleted rather than overwritten in place
            sequence++;
        }
        snapshot();
        return removed;
    }

    /**
     * Copies the store as of now into {@code target}: deleted vectors are purged first and the current state is
     * snapshotted, then the snapshot files are copied while writes wait (searches go on). A backup therefore never
     * holds a vector deleted before it was taken.
     */
    @Override
    public VectorStoreBackup backupTo(Path target) {
        if (Files.exists(target)) {
            throw new IllegalArgumentException("backup directory " + target + " already exists");
        }
        return write(() -> {
            purge();
            if (sequence != snapshotSequence || !Snapshot.exists(directory)) {
                snapshot();
            }
            long bytes = Snapshot.copy(directory, target);
            return new VectorStoreBackup(spec.name(), target, labels.liveCount(), bytes);
        });
    }

    /**
     * Makes {@code directory} (which must hold no store) a copy of the backup that {@link #backupTo} wrote into
     * {@code backup}; opening it then gives the store as it was backed up.
     */
    public static void restore(Path backup, Path directory) {
        try {
            Snapshot.restore(backup, directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore vector store " + directory + " from " + backup, e);
        }
    }

    @Override
    public void close() {
        writer.lock();
        try {
            if (closed) {
                return;
            }
            try {
                if (wal != null && sequence != snapshotSequence) {
                    snapshot();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot snapshot vector store " + directory + " (its log still holds every write)", e);
            } finally {
                access.writeLock().lock();
                try {
                    closed = true;
                    if (index != null) {
                        index.close();
                    }
                } finally {
                    access.writeLock().unlock();
                }
                closeQuietly();
            }
        } finally {
            writer.unlock();
        }
    }

    private void closeQuietly() {
        try {
            if (wal != null) {
                wal.close();
            }
            directoryLock.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- applying writes (callers hold the writer lock) ---

    private void applyUpsert(List<VectorRecord> batch) {
        float[] flat = new float[batch.size() * spec.dimension()];
        for (int i = 0; i < batch.size(); i++) {
            System.arraycopy(batch.get(i).vector(), 0, flat, i * spec.dimension(), spec.dimension());
        }
        access.writeLock().lock();
        try {
            index.add(flat);
            for (VectorRecord record : batch) {
                holdsDeleted |= labels.retire(record.id());
                labels.append(record.id());
            }
        } finally {
            access.writeLock().unlock();
        }
    }

    private void applyDelete(long[] ids) {
        access.writeLock().lock();
        try {
            for (long id : ids) {
                holdsDeleted |= labels.retire(id);
            }
        } finally {
            access.writeLock().unlock();
        }
    }

    /** Moves a staging index to the configured type once it can be trained, and compacts tombstones. */
    private void maintain() {
        String desired = desiredFactory();
        int tombstones = labels.tombstones();
        boolean compact = tombstones >= tuning.compactionMinimum()
                && tombstones > tuning.compactionRatio() * labels.labelCount();
        if (compact || !desired.equals(indexFactory)) {
            rebuild(desired);
        }
    }

    private String desiredFactory() {
        if (indexFactory.equals(spec.factory())) {
            return indexFactory;
        }
        return !targetNeedsTraining || labels.liveCount() >= trainingPoints() ? spec.factory() : STAGING_FACTORY;
    }

    /** What a compaction rebuilds into: an IVF index left with too few vectors to train goes back to staging. */
    private String compactionFactory() {
        return targetNeedsTraining && labels.liveCount() < trainingPoints() ? STAGING_FACTORY : indexFactory;
    }

    private int trainingPoints() {
        return spec.ivfLists().orElse(256) * tuning.trainingPointsPerList();
    }

    private void rebuild(String factory) {
        int[] live = labels.liveLabels();
        long[] ids = new long[live.length];
        float[] vectors = new float[Math.multiplyExact(live.length, spec.dimension())];
        int d = spec.dimension();
        for (int start = 0; start < live.length; ) {
            // reconstruct runs of consecutive labels in one call
            int end = start + 1;
            while (end < live.length && end - start < RECONSTRUCT_CHUNK && live[end] == live[end - 1] + 1) {
                end++;
            }
            float[] run = index.reconstruct(live[start], end - start);
            System.arraycopy(run, 0, vectors, start * d, run.length);
            for (int i = start; i < end; i++) {
                ids[i] = labels.idOf(live[i]);
            }
            start = end;
        }
        FaissIndex fresh = FaissIndex.create(d, factory, spec.metric());
        try {
            if (!fresh.isTrained()) {
                fresh.train(vectors);
            }
            if (vectors.length > 0) {
                fresh.add(vectors);
            }
            configure(fresh);
        } catch (RuntimeException e) {
            fresh.close();
            throw e;
        }
        FaissIndex old;
        access.writeLock().lock();
        try {
            old = index;
            index = fresh;
            indexFactory = factory;
            labels = LabelMap.sequential(ids);
        } finally {
            access.writeLock().unlock();
        }
        old.close();
    }

    /** Search-time settings kept on the index itself; only called before the index is visible to searches. */
    private void configure(FaissIndex target) {
        target.enableReconstruct();
        target.setHnswEfSearch(planner.defaultEfSearch());
    }

    private void snapshot() throws IOException {
        Snapshot.write(directory, sequence, indexFactory, index, labels);
        wal.reset();
        snapshotSequence = sequence;
        holdsDeleted = labels.tombstones() > 0;
    }

    // --- locking ---

    private interface IoSupplier<T> {
        T get() throws IOException;
    }

    private <T> T write(IoSupplier<T> action) {
        writer.lock();
        try {
            ensureOpen();
            T result = action.get();
            maintain();
            if (wal.size() > tuning.checkpointWalBytes()) {
                snapshot();
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("vector store " + directory + ": write failed", e);
        } finally {
            writer.unlock();
        }
    }

    private <T> T read(Supplier<T> action) {
        access.readLock().lock();
        try {
            ensureOpen();
            return action.get();
        } finally {
            access.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("vector store '" + spec.name() + "' is closed");
        }
    }
}

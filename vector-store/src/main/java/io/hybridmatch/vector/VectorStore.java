package io.hybridmatch.vector;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

/**
 * A named collection of fixed-dimension vectors keyed by a caller id (candidate_id, job_offer_id).
 *
 * <p>Implementations are safe for concurrent use: searches may run while a write happens. A write
 * method returns only once its effect is durable (it survives a process crash), so a message broker
 * may acknowledge the task that caused it. A batch is validated whole before anything is applied.
 */
public interface VectorStore extends AutoCloseable {

    String name();

    int dimension();

    Metric metric();

    /** Inserts or replaces each record; an id present twice in one batch keeps its last vector. */
    void upsert(List<VectorRecord> records);

    /** Removes the ids; returns how many were present. A removed id is never returned by search. */
    int delete(Collection<Long> ids);

    /** Best hits first (see {@link Metric#higherIsBetter()}), at most {@code query.k()}. */
    List<VectorHit> search(VectorQuery query);

    /** The stored vector of an id, for "match this indexed document" queries. */
    Optional<float[]> vector(long id);

    boolean contains(long id);

    /** Live vectors (deleted and replaced ones excluded). */
    long size();

    /** The live ids, for consistency checks against the document store (a snapshot; may be large). */
    default LongStream ids() {
        throw new UnsupportedOperationException(name() + " cannot list its ids");
    }

    /**
     * Erasure: removes every copy the store still keeps of deleted and replaced vectors (inside the index, in its
     * log, in older snapshots), from memory and from its files, before returning. Returns how many were removed.
     */
    default int purgeDeleted() {
        throw new UnsupportedOperationException(name() + " cannot purge deleted vectors");
    }

    /**
     * Writes a consistent copy of the store's durable state into {@code directory} (created; must not exist), from
     * which the store can be restored; the live store keeps serving meanwhile.
     */
    default VectorStoreBackup backupTo(Path directory) {
        throw new UnsupportedOperationException(name() + " cannot back itself up");
    }

    @Override
    void close();
}

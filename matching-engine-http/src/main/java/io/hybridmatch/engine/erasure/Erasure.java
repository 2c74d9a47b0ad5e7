package io.hybridmatch.engine.erasure;

import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.indexing.IndexOutcome;
import io.hybridmatch.search.elasticsearch.DeletedDocumentPurge;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Erasure of documents (a candidate asking to be forgotten): removed from Elasticsearch, the vectors and the
 * embedding caches' entries of their text, then purged from disk in both stores before the call returns. The purge
 * alone (what follows ordinary deletes) runs on a schedule too.
 */
public final class Erasure {

    /**
     * @param erased the ids no longer anywhere (an id that was already absent included)
     * @param purge  what the purge that followed removed from disk (everything deleted so far, not only these ids)
     */
    public record Report(String index, List<Long> erased, Purge purge, long tookMs) {
    }

    /**
     * @param vectorsPurged     deleted or replaced vectors removed from the FAISS index (files rewritten as well)
     * @param documentsPurged   soft-deleted Elasticsearch documents before the merge
     * @param documentsLeft     soft-deleted documents after it (delete markers without content, kept for versioning)
     */
    public record Purge(String index, int vectorsPurged, long documentsPurged, long documentsLeft, long tookMs) {
    }

    private final DocumentIndexer indexer;
    private final VectorStoreRegistry vectors;
    private final DeletedDocumentPurge documents;
    private final Duration leaseTimeout;
    /** One purge at a time: concurrent forced merges of one index would only wait on each other. */
    private final ReentrantLock purging = new ReentrantLock();

    public Erasure(DocumentIndexer indexer, VectorStoreRegistry vectors, DeletedDocumentPurge documents,
                   Duration leaseTimeout) {
        this.indexer = indexer;
        this.vectors = vectors;
        this.documents = documents;
        this.leaseTimeout = leaseTimeout;
    }

    public Report erase(SearchIndex index, List<Long> ids) {
        long start = System.nanoTime();
        List<Long> erased = ids.stream().distinct()
                .filter(id -> indexer.erase(index, id).status().equals(IndexOutcome.DELETED)).toList();
        return new Report(index.alias(), erased, purge(index), millisSince(start));
    }

    /** Removes every deleted document and vector of the index from disk. */
    public Purge purge(SearchIndex index) {
        long start = System.nanoTime();
        purging.lock();
        try {
            int purgedVectors = store(index).purgeDeleted();
            DeletedDocumentPurge.Result result = documents.purge(index.alias(), leaseTimeout);
            return new Purge(index.alias(), purgedVectors, result.deletedBefore(), result.deletedAfter(), millisSince(start));
        } catch (IOException e) {
            throw new UncheckedIOException(index.alias() + ": purge of deleted documents failed", e);
        } finally {
            purging.unlock();
        }
    }

    public List<Purge> purgeAll() {
        return List.of(SearchIndex.values()).stream().map(this::purge).toList();
    }

    private VectorStore store(SearchIndex index) {
        return vectors.find(index.alias()).orElseThrow(() ->
                new IllegalStateException("no vector index named '" + index.alias() + "' is configured"));
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

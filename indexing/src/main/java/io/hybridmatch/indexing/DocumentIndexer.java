package io.hybridmatch.indexing;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.normalization.NormalizedDocument;
import io.hybridmatch.search.elasticsearch.IndexedDocument;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.ResponseException;

/**
 * Indexes one candidate or offer everywhere it must be findable: normalise → Elasticsearch → embed → vector store.
 *
 * <p><b>Ordering.</b> The Elasticsearch document carries {@code updated_at} (epoch ms) as an external version with
 * {@code external_gte}: an older update processed after a newer one is refused (reported {@code stale}, nothing
 * else touched), and a retry of the same update is accepted again (idempotent). The vector is written only after
 * Elasticsearch accepted the version. Two workers may still write vectors in the opposite order of their
 * Elasticsearch writes, so after writing its vector a task re-reads the document: if Elasticsearch now holds a
 * newer version (or none), the vector is rebuilt from that (or removed), making both stores converge on
 * Elasticsearch's state. Deletes are versioned the same way.
 */
public final class DocumentIndexer {

    private static final int CONVERGENCE_ROUNDS = 3;

    private final ElasticsearchClient es;
    private final SearchIndexes indexes;
    private final TextEmbedder embedder;
    private final VectorStoreRegistry vectors;
    private final DocumentNormalizer normalizer;
    private final Clock clock;
    private final ElasticsearchTimings timings;

    public DocumentIndexer(ElasticsearchClient es, SearchIndexes indexes, TextEmbedder embedder,
                           VectorStoreRegistry vectors, DocumentNormalizer normalizer, Clock clock) {
        this(es, indexes, embedder, vectors, normalizer, clock, ElasticsearchTimings.NONE);
    }

    public DocumentIndexer(ElasticsearchClient es, SearchIndexes indexes, TextEmbedder embedder,
                           VectorStoreRegistry vectors, DocumentNormalizer normalizer, Clock clock,
                           ElasticsearchTimings timings) {
        this.es = es;
        this.indexes = indexes;
        this.embedder = embedder;
        this.vectors = vectors;
        this.normalizer = normalizer;
        this.clock = clock;
        this.timings = timings;
    }

    /** An Elasticsearch call, timed. */
    private interface EsCall<T> {
        T call() throws IOException;
    }

    private <T> T timed(SearchIndex index, String operation, EsCall<T> call) throws IOException {
        long start = System.nanoTime();
        try {
            return call.call();
        } finally {
            timings.record(index.alias(), operation, System.nanoTime() - start);
        }
    }

    public IndexOutcome index(SearchIndex index, Map<String, ?> payload) {
        return index(prepare(index, payload));
    }

    /** {@link #index(SearchIndex, Map)} of a document {@link #prepare prepared} already. */
    public IndexOutcome index(PreparedDocument doc) {
        SearchIndex index = doc.index();
        try {
            timed(index, "index", () -> es.index(request -> request.index(index.alias()).id(Long.toString(doc.id()))
                    .document(doc.source()).version(doc.version()).versionType(VersionType.ExternalGte)));
        } catch (ElasticsearchException | IOException e) {
            if (status(e) == 409) {
                return new IndexOutcome(index.alias(), doc.id(), IndexOutcome.STALE, doc.version());
            }
            throw failure(index, e);
        }
        store(index).upsert(List.of(new VectorRecord(doc.id(), embedder.embed(doc.text()))));
        converge(index, doc.id(), doc.version());
        return new IndexOutcome(index.alias(), doc.id(), IndexOutcome.INDEXED, doc.version());
    }

    /**
     * Initial loads: one Elasticsearch bulk request and batched embedding for many documents. Every payload is
     * normalised first, so one invalid document refuses the batch before anything is written. Items Elasticsearch
     * refuses for a transient reason end in a {@link PartialBulkFailureException} naming them, after the others
     * were written everywhere.
     */
    public List<IndexOutcome> indexAll(SearchIndex index, List<? extends Map<String, ?>> payloads) {
        List<PreparedDocument> docs = new ArrayList<>();
        for (int i = 0; i < payloads.size(); i++) {
            try {
                docs.add(prepare(index, payloads.get(i)));
            } catch (IllegalArgumentException e) {
                throw new io.hybridmatch.normalization.InvalidDocumentException("item " + i + ": " + e.getMessage());
            }
        }
        return indexPrepared(index, docs);
    }

    /**
     * {@link #indexAll} of documents {@link #prepare prepared} already, all of {@code index}: what the worker's
     * micro-batches hand over, each task having normalised its own document in its own thread.
     */
    public List<IndexOutcome> indexPrepared(SearchIndex index, List<PreparedDocument> docs) {
        if (docs.isEmpty()) {
            return List.of();
        }
        for (PreparedDocument doc : docs) {
            if (doc.index() != index) {
                throw new IllegalArgumentException("document " + doc.id() + " was prepared for " + doc.index().alias()
                        + ", not " + index.alias());
            }
        }
        List<BulkOperation> operations = docs.stream().map(doc -> BulkOperation.of(op -> op.index(i -> i
                .index(index.alias()).id(Long.toString(doc.id())).document(doc.source())
                .version(doc.version()).versionType(VersionType.ExternalGte)))).toList();
        BulkResponse response;
        try {
            response = timed(index, "bulk", () -> es.bulk(request -> request.operations(operations)));
        } catch (ElasticsearchException | IOException e) {
            throw failure(index, e);
        }
        List<IndexOutcome> outcomes = new ArrayList<>();
        List<PreparedDocument> accepted = new ArrayList<>();
        List<Integer> failed = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        boolean transientFailure = false;
        for (int i = 0; i < docs.size(); i++) {
            BulkResponseItem item = response.items().get(i);
            PreparedDocument doc = docs.get(i);
            if (item.error() == null) {
                accepted.add(doc);
                outcomes.add(new IndexOutcome(index.alias(), doc.id(), IndexOutcome.INDEXED, doc.version()));
            } else if (item.status() == 409) {
                outcomes.add(new IndexOutcome(index.alias(), doc.id(), IndexOutcome.STALE, doc.version()));
            } else {
                failed.add(i);
                reasons.add(doc.id() + ": " + item.status() + " " + item.error().reason());
                transientFailure |= !refusal(item.status());
            }
        }
        List<float[]> vectorsOf = embedder.embed(accepted.stream().map(PreparedDocument::text).toList());
        List<VectorRecord> records = new ArrayList<>();
        for (int i = 0; i < accepted.size(); i++) {
            records.add(new VectorRecord(accepted.get(i).id(), vectorsOf.get(i)));
        }
        store(index).upsert(records);
        convergeAll(index, accepted);
        if (transientFailure) { // refused ones too: they fail on their own once the others are through
            throw new PartialBulkFailureException(index.alias() + ": " + failed.size() + " of " + docs.size()
                    + " documents not indexed yet (the others are): " + reasons, failed);
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException(index.alias() + ": Elasticsearch refused " + failed.size() + " of "
                    + docs.size() + " documents (the others are indexed): " + reasons);
        }
        return outcomes;
    }

    /** Removes a document unless Elasticsearch holds a version newer than {@code deletedAt}. */
    public IndexOutcome delete(SearchIndex index, long id, Instant deletedAt) {
        return delete(index, id, deletedAt.toEpochMilli(), get(index, id));
    }

    /**
     * Erasure: removes the document whatever version Elasticsearch holds (the delete carries the later of now and
     * that version, so an update already queued with an older {@code updated_at} stays refused).
     */
    public IndexOutcome erase(SearchIndex index, long id) {
        GetResponse<Map> current = get(index, id);
        if (!current.found()) {
            // already gone from Elasticsearch (whose delete marker keeps refusing older updates): only a vector may be left
            store(index).delete(List.of(id));
            return new IndexOutcome(index.alias(), id, IndexOutcome.DELETED, 0);
        }
        long held = current.version() == null ? 0 : current.version();
        return delete(index, id, Math.max(clock.millis(), held), current);
    }

    /**
     * Deletes from Elasticsearch and the vectors, and makes the embedder forget the document's text (the one its
     * vector was computed from), which {@code current} holds.
     */
    private IndexOutcome delete(SearchIndex index, long id, long version, GetResponse<Map> current) {
        try {
            timed(index, "delete", () -> es.delete(request -> request.index(index.alias()).id(Long.toString(id))
                    .version(version).versionType(VersionType.ExternalGte)));
        } catch (ElasticsearchException | IOException e) {
            if (status(e) == 409) {
                return new IndexOutcome(index.alias(), id, IndexOutcome.STALE, version);
            }
            throw failure(index, e);
        }
        store(index).delete(List.of(id));
        if (current.found()) {
            embedder.forget(List.of(embeddingText(index, id, current)));
        }
        converge(index, id, version);
        return new IndexOutcome(index.alias(), id, IndexOutcome.DELETED, version);
    }

    /** Makes the vector match what Elasticsearch holds now, when that is no longer what this task wrote. */
    private void converge(SearchIndex index, long id, long writtenVersion) {
        long known = writtenVersion;
        for (int round = 0; round < CONVERGENCE_ROUNDS; round++) {
            GetResponse<Map> current = get(index, id);
            if (!current.found()) {
                store(index).delete(List.of(id));
                return;
            }
            long version = current.version() == null ? 0 : current.version();
            if (version <= known) {
                return;
            }
            store(index).upsert(List.of(new VectorRecord(id, embedder.embed(embeddingText(index, id, current)))));
            known = version;
        }
    }

    /**
     * {@link #converge} for the documents of one bulk request: one {@code mget} reads their versions back instead of
     * a {@code get} each, without their {@code _source} (only a document deleted or rewritten meanwhile, rare: racing
     * workers, goes further, and {@link #converge} reads that one again).
     */
    private void convergeAll(SearchIndex index, List<PreparedDocument> written) {
        if (written.size() < 2) {
            written.forEach(doc -> converge(index, doc.id(), doc.version()));
            return;
        }
        List<String> ids = written.stream().map(doc -> Long.toString(doc.id())).toList();
        MgetResponse<Map> current;
        try {
            current = timed(index, "mget", () -> es.mget(request -> request.index(index.alias()).ids(ids)
                    .source(source -> source.fetch(false)), Map.class));
        } catch (ElasticsearchException | IOException e) {
            throw failure(index, e);
        }
        for (int i = 0; i < written.size(); i++) {
            PreparedDocument doc = written.get(i);
            MultiGetResponseItem<Map> item = current.docs().get(i);
            if (item.isFailure() || !item.result().found()
                    || (item.result().version() == null ? 0 : item.result().version()) > doc.version()) {
                converge(index, doc.id(), doc.version());
            }
        }
    }

    private static String embeddingText(SearchIndex index, long id, GetResponse<Map> stored) {
        return embeddingText(index, id, (Map<String, ?>) stored.source());
    }

    /**
     * The text the vector of a stored document ({@code _source} of id {@code id}) is computed from: what a check that
     * a vector belongs to the document's current version compares with.
     */
    public static String embeddingText(SearchIndex index, long id, Map<String, ?> stored) {
        Map<String, Object> source = new LinkedHashMap<>(stored);
        source.put(index.idField(), id);
        return index.kind().fromRecord(source).embeddingText(); // stored normalised: read back, not normalised again
    }

    private GetResponse<Map> get(SearchIndex index, long id) {
        try {
            return timed(index, "get", () -> es.get(request -> request.index(index.alias()).id(Long.toString(id)), Map.class));
        } catch (ElasticsearchException | IOException e) {
            throw failure(index, e);
        }
    }

    /**
     * Normalises a payload and builds its Elasticsearch source, writing nothing: the part of indexing that needs no
     * store, which callers may run in their own threads before handing documents to {@link #indexPrepared} together
     * ({@code indexed_at} is then the time of this call).
     *
     * @throws IllegalArgumentException the payload is invalid ({@code InvalidDocumentException} names the field)
     */
    public PreparedDocument prepare(SearchIndex index, Map<String, ?> payload) {
        NormalizedDocument doc = index.kind().normalize(normalizer, payload);
        Map<String, Object> record = new LinkedHashMap<>(doc.toRecord());
        record.put("indexed_at", clock.instant().toString());
        IndexedDocument built = indexes.documentBuilder(index).build(record);
        return new PreparedDocument(index, doc.id(), doc.updatedAt().toEpochMilli(), built.source(), doc.embeddingText());
    }

    private VectorStore store(SearchIndex index) {
        return vectors.find(index.alias()).orElseThrow(() ->
                new IllegalStateException("no vector index named '" + index.alias() + "' is configured"));
    }

    /**
     * Only a refusal of the request's content (400, 413) is permanent: the task fails. No answer, a timeout, 429,
     * 5xx, and also 401/403/404 (credentials, privileges or an index missing: the deployment's state, not the
     * document's) are transient: the task is retried.
     */
    private static RuntimeException failure(SearchIndex index, Exception e) {
        if (refusal(status(e))) {
            return new IllegalStateException(index.alias() + ": Elasticsearch refused the request: " + e.getMessage(), e);
        }
        return new IndexingUnavailableException(index.alias() + ": Elasticsearch unavailable: " + e.getMessage(), e);
    }

    private static boolean refusal(int status) {
        return status == 400 || status == 413;
    }

    /** The HTTP status behind an error of either client layer, or -1 when there was no answer. */
    private static int status(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ElasticsearchException es) {
                return es.status();
            }
            if (t instanceof ResponseException response) {
                return response.getResponse().getStatusLine().getStatusCode();
            }
        }
        return -1;
    }
}

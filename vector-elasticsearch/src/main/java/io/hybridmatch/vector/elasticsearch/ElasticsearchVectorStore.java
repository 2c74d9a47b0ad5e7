package io.hybridmatch.vector.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorIndexOptionsType;
import co.elastic.clients.elasticsearch._types.mapping.DenseVectorProperty;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkOperation;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hybridmatch.search.elasticsearch.DeletedDocumentPurge;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorInput;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreBackup;
import io.hybridmatch.vector.VectorStoreUnavailableException;
import io.hybridmatch.vector.VectorValidationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.LongStream;

/**
 * A {@link VectorStore} on one Elasticsearch index of {@code dense_vector} fields: document id = the caller id, kNN on
 * Lucene's HNSW graph (int8-quantised by default, the best hits rescored with the float vectors so scores are the raw
 * metric), allowed ids as a {@code terms} filter inside the kNN search (Lucene switches to exact scoring when the
 * filter leaves fewer documents than the graph walk would visit).
 *
 * <ul>
 *   <li><b>Durability</b>: a write returns once Elasticsearch acknowledged it, i.e. fsynced it to the translog of every
 *       active shard copy (the default {@code index.translog.durability: request}).</li>
 *   <li><b>Visibility</b>: each write refreshes the shards it touched before returning, so the next search sees it (as
 *       with FAISS); batch your writes — one bulk request per batch — rather than paying a refresh per vector.</li>
 *   <li><b>State</b>: none in this process; several engines may share the index.</li>
 * </ul>
 */
public final class ElasticsearchVectorStore implements VectorStore {

    /** Elasticsearch's ceiling on k and num_candidates. */
    static final int MAX_K = 10_000;
    private static final String ID = "id";
    private static final String VECTOR = "vector";
    /** How many more hits than k are rescored with the float vectors when the graph holds quantised ones. */
    private static final float OVERSAMPLE = 2f;
    private static final int PAGE = 1_000;
    private static final int RESTORE_BATCH = 500;
    /** Allowed-id filters come from the keyword side and may be long (Elasticsearch's default cap is 65,536). */
    private static final int MAX_TERMS = 1_000_000;
    private static final Duration PURGE_LEASE_TIMEOUT = Duration.ofMinutes(2);

    private final ElasticsearchClient client;
    private final ElasticsearchVectorIndexSpec spec;
    private volatile boolean closed;

    private ElasticsearchVectorStore(ElasticsearchClient client, ElasticsearchVectorIndexSpec spec) {
        this.client = client;
        this.spec = spec;
    }

    /**
     * Opens the store on {@code spec.index()}, creating the index when missing; an existing index must hold vectors of
     * the same dimension and metric. The client stays the caller's to close.
     */
    public static ElasticsearchVectorStore open(ElasticsearchClient client, ElasticsearchVectorIndexSpec spec) {
        ElasticsearchVectorStore store = new ElasticsearchVectorStore(client, spec);
        store.call("open", store::ensureIndex);
        return store;
    }

    private Void ensureIndex() throws IOException {
        if (client.indices().exists(e -> e.index(spec.index())).value()) {
            checkExistingMapping();
            return null;
        }
        try {
            client.indices().create(c -> c.index(spec.index())
                    .settings(s -> s.numberOfShards(Integer.toString(spec.shards()))
                            .numberOfReplicas(Integer.toString(spec.replicas()))
                            .maxTermsCount(MAX_TERMS))
                    .mappings(m -> m.dynamic(DynamicMapping.Strict)
                            .properties(ID, p -> p.long_(l -> l))
                            .properties(VECTOR, p -> p.denseVector(v -> v.dims(spec.dimension()).index(true)
                                    .similarity(KnnScores.similarity(spec.metric()))
                                    .indexOptions(o -> o.type(spec.quantized() ? DenseVectorIndexOptionsType.Int8Hnsw
                                                    : DenseVectorIndexOptionsType.Hnsw)
                                            .m(spec.m()).efConstruction(spec.efConstruction()))))));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            checkExistingMapping(); // another engine created it meanwhile
        }
        return null;
    }

    private void checkExistingMapping() throws IOException {
        Property vector = client.indices().getMapping(g -> g.index(spec.index())).result().values().iterator().next()
                .mappings().properties().get(VECTOR);
        DenseVectorProperty dense = vector == null || !vector.isDenseVector() ? null : vector.denseVector();
        if (dense == null || dense.dims() == null || dense.dims() != spec.dimension()
                || dense.similarity() != KnnScores.similarity(spec.metric())) {
            throw new IllegalStateException("index " + spec.index() + " holds "
                    + (dense == null ? "no dense_vector field '" + VECTOR + "'"
                    : dense.dims() + "-dimension " + dense.similarity() + " vectors")
                    + "; the configuration asks for " + spec.dimension() + "-dimension " + spec.metric()
                    + " (re-embed into a new index to change model or metric)");
        }
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

    public ElasticsearchVectorIndexSpec spec() {
        return spec;
    }

    @Override
    public void upsert(List<VectorRecord> records) {
        List<VectorRecord> batch = VectorInput.upsertBatch(records, spec.dimension(), spec.name());
        if (batch.isEmpty()) {
            return;
        }
        List<BulkOperation> operations = new ArrayList<>(batch.size());
        for (VectorRecord record : batch) {
            VectorDocument document = new VectorDocument(record.id(), record.vector());
            operations.add(BulkOperation.of(b -> b.index(i -> i.id(Long.toString(record.id())).document(document))));
        }
        bulk("upsert", operations);
    }

    @Override
    public int delete(Collection<Long> ids) {
        List<BulkOperation> operations = ids.stream().distinct()
                .map(id -> BulkOperation.of(b -> b.delete(d -> d.id(Long.toString(id))))).toList();
        if (operations.isEmpty()) {
            return 0;
        }
        BulkResponse response = bulk("delete", operations);
        return (int) response.items().stream().filter(item -> "deleted".equals(item.result())).count();
    }

    private BulkResponse bulk(String what, List<BulkOperation> operations) {
        BulkResponse response = call(what, () -> client.bulk(b -> b.index(spec.index()).operations(operations)
                .refresh(Refresh.True)));
        if (response.errors()) {
            // validation happened before: what is left is the cluster's side (rejections, unavailable shards)
            BulkResponseItem failed = response.items().stream().filter(item -> item.error() != null).findFirst()
                    .orElseThrow();
            throw new VectorStoreUnavailableException(spec.index() + ": " + what + " failed for id " + failed.id()
                    + ": " + failed.error().type() + ": " + failed.error().reason() + " (retrying may succeed)", null);
        }
        return response;
    }

    @Override
    public List<VectorHit> search(VectorQuery query) {
        VectorInput.checkQuery(query, spec.dimension(), spec.name());
        if (query.k() > MAX_K) {
            throw new VectorValidationException("k must be at most " + MAX_K + " on Elasticsearch: " + query.k());
        }
        if (query.filtered() && query.allowedIds().length == 0) {
            return List.of();
        }
        int k = query.k();
        int candidates = Math.min(MAX_K, Math.max(spec.numCandidates(),
                spec.quantized() ? (int) Math.ceil(k * OVERSAMPLE) : k));
        List<Float> vector = new ArrayList<>(query.vector().length);
        for (float value : query.vector()) {
            vector.add(value);
        }
        SearchResponse<Void> response = call("search", () -> client.search(s -> s.index(spec.index()).size(k)
                .source(source -> source.fetch(false)).trackTotalHits(t -> t.enabled(false))
                .knn(knn -> {
                    knn.field(VECTOR).queryVector(vector).k(k).numCandidates(candidates);
                    if (spec.quantized()) {
                        knn.rescoreVector(r -> r.oversample(OVERSAMPLE));
                    }
                    if (query.filtered()) {
                        knn.filter(allowed(query.allowedIds()));
                    }
                    return knn;
                }), Void.class));
        List<VectorHit> hits = new ArrayList<>(response.hits().hits().size());
        for (Hit<Void> hit : response.hits().hits()) {
            hits.add(new VectorHit(Long.parseLong(hit.id()), KnnScores.raw(spec.metric(), hit.score())));
        }
        return hits;
    }

    private static Query allowed(long[] ids) {
        List<FieldValue> values = new ArrayList<>(ids.length);
        for (long id : ids) {
            values.add(FieldValue.of(id));
        }
        return Query.of(q -> q.terms(t -> t.field(ID).terms(v -> v.value(values))));
    }

    @Override
    public Optional<float[]> vector(long id) {
        GetResponse<VectorDocument> response = call("get", () -> client.get(g -> g.index(spec.index())
                .id(Long.toString(id)), VectorDocument.class));
        return response.found() ? Optional.of(response.source().vector()) : Optional.empty();
    }

    @Override
    public boolean contains(long id) {
        return call("exists", () -> client.exists(e -> e.index(spec.index()).id(Long.toString(id))).value());
    }

    @Override
    public long size() {
        return call("count", () -> client.count(c -> c.index(spec.index())).count());
    }

    @Override
    public LongStream ids() {
        LongStream.Builder ids = LongStream.builder();
        scan(false, hit -> ids.add(Long.parseLong(hit.id())));
        return ids.build();
    }

    /**
     * Erasure: waits until Elasticsearch no longer needs the deleted documents for replication, then flushes and
     * merges away every segment copy that still holds one (see {@link DeletedDocumentPurge}); bounded by two minutes.
     */
    @Override
    public int purgeDeleted() {
        DeletedDocumentPurge.Result result = call("purge", () -> new DeletedDocumentPurge(client)
                .purge(spec.index(), PURGE_LEASE_TIMEOUT));
        return Math.toIntExact(result.deletedBefore() - result.deletedAfter());
    }

    /**
     * Writes the live vectors, as of one point in time of the index, into {@code directory}/vectors.bin; writes go on
     * meanwhile and are not in the backup unless acknowledged before it started. Restore with {@link #restore}.
     */
    @Override
    public VectorStoreBackup backupTo(Path directory) {
        if (Files.exists(directory)) {
            throw new IllegalArgumentException("backup directory " + directory + " already exists");
        }
        try (VectorBackupFile.Writer writer = new VectorBackupFile.Writer(directory, spec.dimension(), spec.metric())) {
            scan(true, hit -> {
                try {
                    writer.write(Long.parseLong(hit.id()), hit.source().vector());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long bytes = writer.finish();
            return new VectorStoreBackup(spec.name(), directory, writer.records(), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the backup of " + spec.index() + " into " + directory, e);
        }
    }

    /** Loads what {@link #backupTo} wrote into {@code backup} into {@code target}, which must be empty. */
    public static void restore(Path backup, ElasticsearchVectorStore target) {
        if (target.size() > 0) {
            throw new IllegalStateException("index " + target.spec.index() + " already holds vectors; restore into an empty one");
        }
        try {
            VectorBackupFile.read(backup, target.dimension(), target.metric(), RESTORE_BATCH, target::upsert);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot restore " + target.spec.index() + " from " + backup, e);
        }
    }

    /** Every live document, in id order, as of the moment the scan starts (a point in time of the index). */
    private void scan(boolean withVectors, Consumer<Hit<VectorDocument>> each) {
        String pit = call("open point in time", () -> client.openPointInTime(o -> o.index(spec.index())
                .keepAlive(t -> t.time("1m"))).id());
        try {
            List<FieldValue> after = null;
            while (true) {
                List<FieldValue> searchAfter = after;
                SearchRequest request = SearchRequest.of(s -> {
                    s.pit(p -> p.id(pit).keepAlive(t -> t.time("1m"))).size(PAGE)
                            .sort(o -> o.field(f -> f.field(ID).order(SortOrder.Asc)))
                            .trackTotalHits(t -> t.enabled(false));
                    s.source(source -> withVectors ? source.filter(f -> f.includes(VECTOR)) : source.fetch(false));
                    if (searchAfter != null) {
                        s.searchAfter(searchAfter);
                    }
                    return s;
                });
                List<Hit<VectorDocument>> hits = call("scan", () -> client.search(request, VectorDocument.class))
                        .hits().hits();
                hits.forEach(each);
                if (hits.size() < PAGE) {
                    return;
                }
                after = hits.getLast().sort();
            }
        } finally {
            call("close point in time", () -> client.closePointInTime(c -> c.id(pit)));
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private interface EsCall<T> {
        T call() throws IOException;
    }

    /** Runs a request; the cluster being unreachable or failing is {@link VectorStoreUnavailableException}. */
    private <T> T call(String what, EsCall<T> request) {
        if (closed) {
            throw new IllegalStateException("vector store '" + spec.name() + "' is closed");
        }
        try {
            return request.call();
        } catch (IOException e) {
            throw new VectorStoreUnavailableException(spec.index() + ": " + what + " failed: " + e.getMessage(), e);
        } catch (ElasticsearchException e) {
            if (e.status() >= 400 && e.status() < 500 && e.status() != 429) {
                throw e;
            }
            throw new VectorStoreUnavailableException(spec.index() + ": " + what + " failed: " + e.getMessage(), e);
        }
    }

    /** The indexed document: the id again (as a field, for the terms filter and id-ordered scans) and the vector. */
    record VectorDocument(long id, float[] vector) {
    }
}

package io.hybridmatch.indexing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.normalization.InvalidDocumentException;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline on a real Elasticsearch node, the real MiniLM model and real FAISS stores. */
@SuppressWarnings("unchecked")
class DocumentIndexerIT {

    @TempDir
    static Path vectorsDir;
    static ElasticsearchClient es;
    static TextEmbedder embedder;
    static VectorStoreRegistry vectors;
    static DocumentIndexer indexer;

    @BeforeAll
    static void start() throws Exception {
        es = ElasticsearchClients.create(TestElasticsearch.url());
        SearchIndexes indexes = SearchIndexes.ensure(es);
        embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 1_000);
        vectors = FaissVectorStores.open(vectorsDir, List.of(
                new FaissIndexSpec("candidates", embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 64, 0),
                new FaissIndexSpec("job_offers", embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 64, 0)));
        indexer = new DocumentIndexer(es, indexes, embedder, vectors, DocumentNormalizer.bundled(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() throws Exception {
        vectors.close();
        embedder.close();
        es._transport().close();
    }

    static Map<String, Object> candidate(long id, String headline, String updatedAt) {
        Map<String, Object> c = new HashMap<>();
        c.put("candidate_id", id);
        c.put("headline", headline);
        c.put("summary", "Backend services and APIs.");
        c.put("skills", List.of("JS", "Postgres", "K8s"));
        c.put("location", "Lyon");
        c.put("experience_years", 3);
        c.put("updated_at", updatedAt);
        return c;
    }

    private static VectorStore candidates() {
        return vectors.find("candidates").orElseThrow();
    }

    private static Map<?, ?> esSource(long id) throws Exception {
        var response = es.get(g -> g.index("candidates").id(Long.toString(id)), Map.class);
        return response.found() ? response.source() : null;
    }

    private static float[] embeddingOf(Map<String, Object> payload) {
        return embedder.embed(DocumentNormalizer.bundled().candidate(payload).embeddingText());
    }

    @Test
    void indexesNormalisedDocumentAndVectorTogether() throws Exception {
        IndexOutcome outcome = indexer.index(SearchIndex.CANDIDATES, candidate(101, "Développeur Node.js", "2026-11-01T10:00:00Z"));
        assertThat(outcome).isEqualTo(new IndexOutcome("candidates", 101, "indexed", Instant.parse("2026-11-01T10:00:00Z").toEpochMilli()));
        Map<?, ?> source = esSource(101);
        assertThat((List<Object>) source.get("skills")).as("listed, then named in the headline")
                .containsExactly("javascript", "postgresql", "kubernetes", "nodejs");
        // "Développeur" is under half of the headline's information ("Node.js" is none of ESCO's occupation words): the
        // skills choose the occupation (OccupationReader)
        assertThat(source.get("occupation")).as("a weak title read by the skills").isEqualTo("fullstack_developer");
        assertThat(source.get("seniority")).isEqualTo("mid");
        assertThat(source.get("indexed_at")).isNotNull();
        assertThat(candidates().search(VectorQuery.within(embedder.embed("Node.js backend developer"), 1, new long[]{101, 102})))
                .first().satisfies(hit -> assertThat(hit.id()).isEqualTo(101));
    }

    @Test
    void anOlderUpdateAfterANewerOneChangesNothingAndARetryIsIdempotent() throws Exception {
        Map<String, Object> newer = candidate(201, "Data engineer", "2026-11-05T10:00:00Z");
        Map<String, Object> older = candidate(201, "Pastry chef", "2026-11-01T10:00:00Z");
        assertThat(indexer.index(SearchIndex.CANDIDATES, newer).status()).isEqualTo("indexed");
        assertThat(indexer.index(SearchIndex.CANDIDATES, older).status()).isEqualTo("stale");
        assertThat(esSource(201).get("headline")).isEqualTo("Data engineer");
        assertThat(candidates().vector(201)).get().isEqualTo(embeddingOf(newer));
        assertThat(indexer.index(SearchIndex.CANDIDATES, newer).status()).as("redelivered task").isEqualTo("indexed");
    }

    @Test
    void deletesAreVersionedToo() throws Exception {
        indexer.index(SearchIndex.CANDIDATES, candidate(301, "Nurse", "2026-11-05T10:00:00Z"));
        assertThat(indexer.delete(SearchIndex.CANDIDATES, 301, Instant.parse("2026-11-04T00:00:00Z")).status())
                .as("a delete older than the update it would remove").isEqualTo("stale");
        assertThat(candidates().contains(301)).isTrue();
        assertThat(indexer.delete(SearchIndex.CANDIDATES, 301, Instant.parse("2026-11-06T00:00:00Z")).status()).isEqualTo("deleted");
        assertThat(esSource(301)).isNull();
        assertThat(candidates().contains(301)).isFalse();
        assertThat(indexer.index(SearchIndex.CANDIDATES, candidate(301, "Nurse", "2026-11-05T10:00:00Z")).status())
                .as("a late update of the deleted document").isEqualTo("stale");
        assertThat(candidates().contains(301)).isFalse();
    }

    @Test
    void erasureRemovesTheDocumentWhateverItsVersionAndTheCacheForgetsItsText() throws Exception {
        Map<String, Object> futureDated = candidate(302, "Jeanne Erased, pastry chef", "2099-01-01T00:00:00Z");
        indexer.index(SearchIndex.CANDIDATES, futureDated);
        String text = DocumentNormalizer.bundled().candidate(futureDated).embeddingText();
        assertThat(isCached(text)).as("indexing cached the text's vector").isTrue();

        assertThat(indexer.erase(SearchIndex.CANDIDATES, 302).status()).isEqualTo("deleted");
        assertThat(esSource(302)).isNull();
        assertThat(candidates().contains(302)).isFalse();
        assertThat(isCached(text)).isFalse();
        assertThat(indexer.index(SearchIndex.CANDIDATES, candidate(302, "Jeanne", "2098-12-31T00:00:00Z")).status())
                .as("an update queued before the erasure").isEqualTo("stale");
        assertThat(indexer.erase(SearchIndex.CANDIDATES, 302).status()).as("erasing twice").isEqualTo("deleted");
    }

    @Test
    void aDeleteMakesTheCacheForgetTheDocumentsText() {
        Map<String, Object> doc = candidate(303, "Welder, night shifts", "2026-11-05T10:00:00Z");
        indexer.index(SearchIndex.CANDIDATES, doc);
        String text = DocumentNormalizer.bundled().candidate(doc).embeddingText();
        assertThat(indexer.delete(SearchIndex.CANDIDATES, 303, Instant.parse("2026-11-06T00:00:00Z")).status()).isEqualTo("deleted");
        assertThat(isCached(text)).isFalse();
    }

    /** Whether embedding the text again is a cache hit (it then is cached, which the callers do not mind). */
    private static boolean isCached(String text) {
        CachingTextEmbedder cache = (CachingTextEmbedder) embedder;
        long hits = cache.stats().hits();
        cache.embed(text);
        return cache.stats().hits() > hits;
    }

    @Test
    void vectorsConvergeOnElasticsearchWhenWorkersRaceBetweenTheStores() throws Exception {
        Map<String, Object> first = candidate(401, "Java developer", "2026-11-01T10:00:00Z");
        Map<String, Object> second = candidate(401, "Pastry chef", "2026-11-02T10:00:00Z");
        DocumentIndexer slow = racedBy(401, second);
        assertThat(slow.index(SearchIndex.CANDIDATES, first).status()).isEqualTo("indexed");
        assertThat(candidates().vector(401)).as("the newer document's vector, not the late writer's")
                .get().isEqualTo(embeddingOf(second));
    }

    /**
     * An indexer whose first vector write comes after another worker indexed {@code newer} (updated 2026-11-02) in
     * Elasticsearch, after this task's Elasticsearch write, and (being faster) already wrote its own vector.
     */
    private static DocumentIndexer racedBy(long id, Map<String, Object> newer) throws Exception {
        VectorStore racing = new RacingStore(candidates(), () -> {
            var doc = new HashMap<String, Object>(DocumentNormalizer.bundled().candidate(newer).toRecord());
            doc.remove("candidate_id");
            es.index(i -> i.index("candidates").id(Long.toString(id)).document(doc)
                    .version(Instant.parse("2026-11-02T10:00:00Z").toEpochMilli()).versionType(VersionType.External));
            candidates().upsert(List.of(new VectorRecord(id, embeddingOf(newer))));
        });
        return new DocumentIndexer(es, SearchIndexes.ensure(es), embedder,
                VectorStoreRegistry.of(Map.of("candidates", racing)), DocumentNormalizer.bundled(), Clock.systemUTC());
    }

    @Test
    void vectorsOfABatchConvergeOnElasticsearchWhenAWorkerRacesBetweenTheStores() throws Exception {
        Map<String, Object> first = candidate(402, "Java developer", "2026-11-01T10:00:00Z");
        Map<String, Object> second = candidate(402, "Pastry chef", "2026-11-02T10:00:00Z");
        Map<String, Object> other = candidate(403, "Data engineer", "2026-11-01T10:00:00Z");
        DocumentIndexer slow = racedBy(402, second);
        assertThat(slow.indexAll(SearchIndex.CANDIDATES, List.of(first, other))).allMatch(o -> o.status().equals("indexed"));
        assertThat(candidates().vector(402)).as("the newer document's vector, not the late writer's")
                .get().isEqualTo(embeddingOf(second));
        assertThat(candidates().vector(403)).get().isEqualTo(embeddingOf(other));
    }

    @Test
    void bulkLoadsAndRefusesABatchWithAnInvalidDocumentBeforeWriting() throws Exception {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            batch.add(candidate(500 + i, "Engineer " + i, "2026-11-01T10:00:00Z"));
        }
        assertThat(indexer.indexAll(SearchIndex.CANDIDATES, batch)).hasSize(20).allMatch(o -> o.status().equals("indexed"));
        assertThat(candidates().contains(519)).isTrue();
        assertThat(esSource(519).get("headline")).isEqualTo("Engineer 19");

        List<Map<String, Object>> bad = new ArrayList<>(List.of(candidate(600, "Ok", "2026-11-01T10:00:00Z")));
        bad.add(candidate(601, "No date", null));
        assertThatThrownBy(() -> indexer.indexAll(SearchIndex.CANDIDATES, bad)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("item 1").hasMessageContaining("updated_at");
        assertThat(esSource(600)).isNull();
        assertThat(candidates().contains(600)).isFalse();
    }

    @Test
    void documentsPreparedInTheirOwnThreadsAreWrittenAsOneBatchOnlyThen() throws Exception {
        List<Map<String, Object>> payloads = List.of(candidate(700, "Java developer", "2026-11-01T10:00:00Z"),
                candidate(701, "Pastry chef", "2026-11-01T10:00:00Z"));
        List<PreparedDocument> docs = payloads.parallelStream().map(p -> indexer.prepare(SearchIndex.CANDIDATES, p))
                .toList();
        assertThat(esSource(700)).as("prepared, not written").isNull();
        assertThat(candidates().contains(700)).isFalse();
        assertThat(docs.getFirst().text()).isEqualTo(DocumentNormalizer.bundled().candidate(payloads.getFirst()).embeddingText());

        assertThat(indexer.indexPrepared(SearchIndex.CANDIDATES, docs)).extracting(IndexOutcome::status)
                .containsExactly("indexed", "indexed");
        assertThat(esSource(701).get("headline")).isEqualTo("Pastry chef");
        assertThat(esSource(701).get("indexed_at")).isNotNull();
        assertThat(candidates().vector(701)).get().isEqualTo(embeddingOf(payloads.get(1)));
        assertThatThrownBy(() -> indexer.indexPrepared(SearchIndex.JOB_OFFERS, docs))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prepared for candidates");
        assertThatThrownBy(() -> indexer.prepare(SearchIndex.CANDIDATES, candidate(702, "No date", null)))
                .isInstanceOf(InvalidDocumentException.class).hasMessageContaining("updated_at");
    }

    @Test
    void offersGetTheSkillsTheirTextNames() throws Exception {
        IndexOutcome outcome = indexer.index(SearchIndex.JOB_OFFERS, Map.of("job_offer_id", 77, "title", "Ingénieur DevOps",
                "description", "Kubernetes, Terraform et AWS au quotidien.", "posted_at", "2026-11-01T10:00:00Z"));
        assertThat(outcome.status()).isEqualTo("indexed");
        var source = es.get(g -> g.index("job_offers").id("77"), Map.class).source();
        assertThat((List<Object>) source.get("required_skills")).containsExactly("devops", "kubernetes", "terraform", "aws");
        assertThat(vectors.find("job_offers").orElseThrow().contains(77)).isTrue();
    }

    /** The real store, with another worker's writes interleaved before this task's first vector write. */
    private static final class RacingStore implements VectorStore {
        interface Interleaving {
            void run() throws Exception;
        }

        private final VectorStore real;
        private Interleaving before;

        RacingStore(VectorStore real, Interleaving before) {
            this.real = real;
            this.before = before;
        }

        @Override
        public void upsert(List<VectorRecord> records) {
            if (before != null) {
                try {
                    before.run();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                before = null;
            }
            real.upsert(records);
        }

        @Override public String name() { return real.name(); }
        @Override public int dimension() { return real.dimension(); }
        @Override public Metric metric() { return real.metric(); }
        @Override public int delete(java.util.Collection<Long> ids) { return real.delete(ids); }
        @Override public List<io.hybridmatch.vector.VectorHit> search(VectorQuery query) { return real.search(query); }
        @Override public java.util.Optional<float[]> vector(long id) { return real.vector(id); }
        @Override public boolean contains(long id) { return real.contains(id); }
        @Override public long size() { return real.size(); }
        @Override public void close() { }
    }
}

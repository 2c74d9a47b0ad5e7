package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.search.elasticsearch.FeedbackEventsIndex;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@code POST /admin/erasure} on the running engine: the candidate is gone from Elasticsearch, the vectors and the
 * engine's embedding cache, and both stores were purged (the byte-level proofs are in vector-faiss'
 * FaissVectorStoreErasureTest and search-elasticsearch's DeletedDocumentPurgeIT).
 */
class ErasureApiIT extends EngineIT {

    private static final long ID = 970_001;

    @Autowired
    DocumentIndexer indexer;
    @Autowired
    CachingTextEmbedder embedder;
    @Autowired
    ElasticsearchClient es;

    @Test
    void erasureRemovesTheCandidateEverywhereAndPurgesBothStores() throws IOException {
        Map<String, Object> candidate = Map.of("candidate_id", ID, "first_name", "Ermengarde", "last_name", "Forgetme",
                "headline", "Ermengarde Forgetme, glassblower", "skills", List.of("Glassblowing"),
                "updated_at", "2026-11-20T10:00:00Z");
        indexer.index(SearchIndex.CANDIDATES, candidate);
        String text = DocumentNormalizer.bundled().candidate(candidate).embeddingText();
        assertThat(client.getJson("/faiss/indexes/candidates/vectors/" + ID).status()).isEqualTo(200);

        ContractClient.Reply reply = client.post("/admin/erasure", Map.of("index", "candidates", "ids", List.of(ID)));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("erased").valueStream().map(id -> id.asLong()).toList()).containsExactly(ID);
        assertThat(reply.body().at("/purge/vectors_purged").asInt()).isPositive();
        assertThat(reply.body().at("/purge/documents_purged").asLong()).isPositive();
        assertThat(es.get(g -> g.index("candidates").id(Long.toString(ID)), Map.class).found()).isFalse();
        assertThat(es.count(c -> c.index("candidates").query(q -> q.term(t -> t.field("last_name").value("Forgetme"))))
                .count()).isZero();
        assertThat(client.getJson("/faiss/indexes/candidates/vectors/" + ID).status()).isEqualTo(404);
        long hits = embedder.stats().hits();
        embedder.embed(text);
        assertThat(embedder.stats().hits()).as("the engine's cache forgot the candidate's text").isEqualTo(hits);
        assertThat(client.get("/actuator/prometheus"))
                .contains("hybridmatch_vector_tombstones{index=\"candidates\"} 0.0");
    }

    /** Nothing to erase there: feedback events hold ids (the searched document's too), ranks and labels, and the mapping refuses any other field. */
    @Test
    void feedbackEventsKeepIdsOnly() throws IOException {
        var mapping = es.indices().getMapping(m -> m.index(FeedbackEventsIndex.NAME)).result().values().iterator().next().mappings();
        assertThat(mapping.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(mapping.properties().keySet()).containsExactlyInAnyOrder(
                "search_id", "query_id", "result_id", "rank", "event", "fusion", "index", "occurred_at", "tenant_id");
    }

    @Test
    void aPurgeOfEveryIndexReportsEachAndBadRequestsAreRefused() {
        ContractClient.Reply purge = client.postRaw("/admin/erasure/purge", "");
        assertThat(purge.status()).isEqualTo(200);
        assertThat(purge.body().valueStream().map(p -> p.get("index").asString()).toList())
                .containsExactlyInAnyOrder("candidates", "job_offers");

        assertThat(client.postRaw("/admin/erasure", "{\"index\":\"candidates\",\"ids\":[]}").status()).isEqualTo(400);
        assertThat(client.postRaw("/admin/erasure", "{\"index\":\"people\",\"ids\":[1]}").status()).isEqualTo(400);
    }
}

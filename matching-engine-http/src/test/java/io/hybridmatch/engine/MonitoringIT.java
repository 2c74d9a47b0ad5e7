package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.monitoring.EmbeddingDriftMonitor;
import io.hybridmatch.search.elasticsearch.FeedbackEventsIndex;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Prometheus metrics after real traffic, drift that moves, feedback rates, and the consistency check and repair. */
class MonitoringIT extends EngineIT {

    @Autowired
    EmbeddingDriftMonitor drift;
    @Autowired
    ElasticsearchClient es;

    private String prometheus() {
        return client.get("/actuator/prometheus");
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(m.find()).as("series %s in the scrape", series).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void trafficShowsUpInPrometheus() {
        client.post("/match/candidates", Map.of("job_offer_id", 101));
        client.post("/embeddings", Map.of("texts", List.of("Java developer", "Java developer")));
        String scrape = prometheus();
        assertThat(value(scrape, "hybridmatch_match_stage_seconds_count{direction=\"candidates_for_offer\",error=\"none\",stage=\"retrieval\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hybridmatch_match_retriever_seconds_count{direction=\"candidates_for_offer\",error=\"none\",retriever=\"elasticsearch\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hybridmatch_match_retriever_seconds_count{direction=\"candidates_for_offer\",error=\"none\",retriever=\"faiss\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hybridmatch_vector_seconds_count{index=\"candidates\",operation=\"search\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hybridmatch_elasticsearch_seconds_count{index=\"candidates\",operation=\"search\"}")).isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hybridmatch_elasticsearch_seconds_count{index=\"candidates\",operation=\"bulk\"}"))
                .as("the demo load went through the indexing pipeline").isGreaterThanOrEqualTo(1);
        assertThat(value(scrape, "hybridmatch_index_documents{index=\"candidates\",store=\"elasticsearch\"}")).isGreaterThanOrEqualTo(12);
        assertThat(scrape).contains("hybridmatch_index_documents{index=\"candidates\",store=\"vectors\"}")
                .contains("hybridmatch_vector_tombstones{index=\"candidates\"}")
                .contains("hybridmatch_embedding_similarity_count", "hybridmatch_embedding_cache_hit_ratio")
                .contains("hybridmatch_embedding_seconds_count{model=\"all-minilm-l6-v2\"}",
                        "hybridmatch_embedding_batch_texts_count{model=\"all-minilm-l6-v2\"}");
    }

    @Test
    void theDashboardOnlyUsesMetricsTheServicesExport() throws Exception {
        client.post("/match/candidates", Map.of("job_offer_id", 101));
        client.post("/feedback", Map.of("search_id", "s0", "result_id", 1, "rank", 1, "event", "impression", "fusion", "dashboard"));
        client.post("/faiss/search", Map.of("index", "candidates", "vector", UnitVectors.random(384, 3), "top_k", 1));
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("../monitoring/grafana/hybridmatch.json"));
        String scrape = prometheus();
        Matcher names = Pattern.compile("hybridmatch_[a-z_]+").matcher(dashboard);
        while (names.find()) {
            String name = names.group();
            // the worker's metrics are checked in its own test; freshness gauges in IndexFreshnessMetricsIT
            if (!name.startsWith("hybridmatch_celery") && !name.startsWith("hybridmatch_index_freshness")) {
                assertThat(scrape).as("dashboard metric %s", name).contains(name);
            }
        }
    }

    @Test
    void theDriftGaugeMovesWhenQueriesComeFromAnotherDistribution() {
        drift.resetBaseline("job_offers");
        List<String> texts = List.of("Développeur Java", "Site reliability engineer", "Data scientist NLP",
                "Frontend React", "Ingénieur DevOps", "Chef pâtissier", "Machine learning", "Java junior");
        JsonNode vectors = client.post("/embeddings", Map.of("texts", texts)).body().get("vectors");
        for (int i = 0; i < 40; i++) { // 20 for the baseline, 20 in the window: same kind of queries
            client.post("/faiss/search", Map.of("index", "job_offers", "vector", vectors.get(i % texts.size()), "top_k", 3));
        }
        String series = "hybridmatch_embedding_drift_psi{index=\"job_offers\",signal=\"top1_similarity\"}";
        double stable = value(prometheus(), series);
        for (int i = 0; i < 20; i++) { // random directions: nothing in the index is near them
            client.post("/faiss/search", Map.of("index", "job_offers", "vector", UnitVectors.random(vectors.get(0).size(), 500 + i), "top_k", 3));
        }
        double drifted = value(prometheus(), series);
        assertThat(stable).isLessThan(0.1);
        assertThat(drifted).isGreaterThan(1.0);
    }

    @Test
    void feedbackGivesCtrAtKPerFusionMethod() {
        for (int rank = 1; rank <= 4; rank++) {
            client.post("/feedback", Map.of("search_id", "s1", "result_id", rank, "rank", rank, "event", "impression", "fusion", "rrf-ab"));
            client.post("/feedback", Map.of("search_id", "s2", "result_id", rank, "rank", rank, "event", "impression", "fusion", "convex-ab"));
        }
        client.post("/feedback", Map.of("search_id", "s1", "result_id", 1, "rank", 1, "event", "click", "fusion", "rrf-ab"));
        client.post("/feedback", Map.of("search_id", "s1", "result_id", 1, "rank", 1, "event", "apply", "fusion", "rrf-ab"));
        client.post("/feedback", Map.of("search_id", "s2", "result_id", 4, "rank", 4, "event", "click", "fusion", "convex-ab"));
        JsonNode rates = client.getJson("/feedback/rates?k=3").body().get("by_fusion");
        assertThat(rates.at("/rrf-ab/ctr_at_k").asDouble()).as("1 click / 3 impressions in the top 3").isCloseTo(1 / 3.0,
                org.assertj.core.data.Offset.offset(1e-9));
        assertThat(rates.at("/rrf-ab/apply_rate").asDouble()).isEqualTo(1.0);
        assertThat(rates.at("/convex-ab/ctr_at_k").asDouble()).as("its click was at rank 4").isZero();
        assertThat(value(prometheus(), "hybridmatch_feedback_events_total{event=\"click\",fusion=\"rrf-ab\"}")).isGreaterThanOrEqualTo(1);
        ContractClient.Reply bad = client.postRaw("/feedback", "{\"search_id\":\"s\",\"result_id\":1,\"rank\":1,\"event\":\"like\",\"fusion\":\"rrf-ab\"}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void feedbackNamingTheSearchedDocumentIsStoredWithItAsATrainingLabel() throws Exception {
        ContractClient.Reply stored = client.post("/feedback", Map.of("search_id", "s-query", "result_id", 2, "rank", 1,
                "event", "hire", "fusion", "rrf", "query_id", 101));
        assertThat(stored.status()).isEqualTo(202);
        @SuppressWarnings("rawtypes")
        List<co.elastic.clients.elasticsearch.core.search.Hit<Map>> hits = es.search(s -> s.index(FeedbackEventsIndex.NAME)
                .query(q -> q.term(t -> t.field("search_id").value("s-query"))), Map.class).hits().hits();
        assertThat(hits).singleElement().extracting(h -> ((Number) h.source().get("query_id")).longValue()).isEqualTo(101L);
        assertThat(client.postRaw("/feedback", "{\"search_id\":\"s\",\"result_id\":1,\"rank\":1,\"event\":\"click\","
                + "\"fusion\":\"rrf\",\"query_id\":-1}").status()).isEqualTo(400);
    }

    @Test
    void theConsistencyCheckFindsAVectorRemovedAndTheRepairRestoresIt() {
        client.post("/faiss/delete", Map.of("index", "candidates", "ids", List.of(3)));
        JsonNode report = client.getJson("/admin/consistency/candidates").body();
        assertThat(report.get("missing_vectors").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(report.get("missing_sample").valueStream().map(JsonNode::asLong).toList()).contains(3L);

        HttpResponse<String> repair = client.postEmpty("/admin/consistency/candidates/repair");
        assertThat(repair.statusCode()).isEqualTo(200);
        List<String> lines = repair.body().lines().toList();
        assertThat(lines.getFirst()).contains("\"phase\":\"reindex\"");
        assertThat(lines.getLast()).contains("\"missing_vectors\":0").contains("\"orphan_vectors\":0");
        assertThat(client.getJson("/faiss/indexes/candidates/vectors/3").status()).isEqualTo(200);
    }

    @Test
    void theDocumentListingGivesEveryIdWithItsUpdatedAtAsVersion() {
        List<JsonNode> documents = client.get("/admin/consistency/candidates/documents").lines()
                .map(tools.jackson.databind.json.JsonMapper.shared()::readTree).toList();
        assertThat(documents).extracting(d -> d.get("id").asLong()).doesNotHaveDuplicates().contains(1L, 3L, 12L);
        JsonNode three = documents.stream().filter(d -> d.get("id").asLong() == 3).findFirst().orElseThrow();
        assertThat(three.get("version").asLong()).as("demo candidate 3's updated_at")
                .isEqualTo(java.time.Instant.parse("2026-11-10T08:15:00Z").toEpochMilli());
    }
}

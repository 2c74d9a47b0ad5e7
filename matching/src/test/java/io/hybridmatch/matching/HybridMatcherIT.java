package io.hybridmatch.matching;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.http.HttpEntityEnclosingRequest;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Hybrid matching on a real Elasticsearch node, real FAISS and the real MiniLM model, with hand-checked data. */
class HybridMatcherIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    static Path vectorsDir;
    static ElasticsearchClient es;
    static TextEmbedder embedder;
    static VectorStoreRegistry vectors;
    static HybridMatcher matcher;

    static Map<String, Object> candidate(long id, String headline, String summary, List<String> skills, String location,
                                         int years, String tenant) {
        Map<String, Object> c = new HashMap<>();
        c.put("candidate_id", id);
        c.put("headline", headline);
        c.put("summary", summary);
        c.put("skills", skills);
        c.put("location", location);
        c.put("experience_years", years);
        c.put("tenant_id", tenant);
        c.put("updated_at", "2026-11-01T10:00:00Z");
        return c;
    }

    static final Map<String, Object> OFFER = Map.of("job_offer_id", 1, "title", "Développeur JavaScript Node.js",
            "description", "Vous développerez des API en Node.js et des interfaces React.", "location", "Paris",
            "seniority", "confirmé", "required_skills", List.of("JavaScript", "Node.js", "React"),
            "posted_at", "2026-11-01T10:00:00Z", "tenant_id", "acme");

    @BeforeAll
    static void index() throws Exception {
        es = ElasticsearchClients.create(TestElasticsearch.url());
        SearchIndexes indexes = SearchIndexes.ensure(es);
        embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 1_000);
        vectors = FaissVectorStores.open(vectorsDir, List.of(
                new FaissIndexSpec("candidates", embedder.dimension(), Metric.INNER_PRODUCT, "Flat", 0, 0),
                new FaissIndexSpec("job_offers", embedder.dimension(), Metric.INNER_PRODUCT, "Flat", 0, 0)));
        DocumentIndexer indexer = new DocumentIndexer(es, indexes, embedder, vectors, DocumentNormalizer.bundled(), Clock.systemUTC());
        List<Map<String, Object>> people = new ArrayList<>(List.of(
                candidate(11, "Développeuse JavaScript confirmée", "API Node.js, front React.", List.of("JS", "Node", "ReactJS"), "Paris", 4, "acme"),
                // no word or skill in common with the offer: only vectors find it
                candidate(12, "Web app engineer", "Single-page apps and their server side.", List.of(), "Paris", 4, "acme"),
                // an accountant listing two of the skills: keywords find it, its meaning is far from the offer
                candidate(13, "Comptable", "Tenue de comptabilité, paie, bilans et déclarations fiscales.", List.of("Comptabilité", "JavaScript", "Node.js"), "Paris", 4, "acme"),
                candidate(14, "Développeur JavaScript senior", "Node.js, React, TypeScript.", List.of("JavaScript", "Node.js", "React"), "Lyon", 9, "acme"),
                candidate(15, "Développeur JavaScript", "Node.js et React.", List.of("JavaScript", "Node.js", "React"), "Paris", 4, "globex"),
                candidate(16, "Pâtissière", "Viennoiseries et entremets.", List.of("Pâtisserie"), "Paris", 4, "acme"),
                candidate(17, "Infirmière", "Soins intensifs.", List.of("Soins infirmiers"), "Paris", 4, "acme"),
                candidate(18, "Data analyst", "Tableaux de bord, SQL.", List.of("SQL", "Excel"), "Paris", 4, "acme")));
        indexer.indexAll(SearchIndex.CANDIDATES, people);
        indexer.index(SearchIndex.JOB_OFFERS, OFFER);
        es.indices().refresh(r -> r.index("candidates", "job_offers"));
        matcher = new HybridMatcher(es, indexes, embedder, vectors, DocumentNormalizer.bundled(), RankingModel.bundled(), Map.of());
    }

    @AfterAll
    static void close() throws Exception {
        vectors.close();
        embedder.close();
        es._transport().close();
    }

    private static List<Long> ids(MatchResult result) {
        return result.hits().stream().map(MatchHit::id).toList();
    }

    @Test
    void everyStageIsTimedAndTheParallelRetrieversFitInsideRetrieval() {
        MatchStages stages = MatchStages.untraced(MatchDirection.CANDIDATES_FOR_OFFER);
        MatchResult result = matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1), stages);
        assertThat(result.timingsMs()).containsOnlyKeys("source", "retrieval", "elasticsearch", "faiss", "prefetch",
                "fusion", "fetch", "scoring");
        Map<String, Long> nanos = stages.nanos();
        assertThat(nanos.get("retrieval")).as("the retrievers, and the prefetch after FAISS, run inside the retrieval stage")
                .isGreaterThanOrEqualTo(Math.max(nanos.get("elasticsearch"), nanos.get("faiss") + nanos.get("prefetch")));
        assertThat(stages.stagesNanos()).isEqualTo(nanos.get("source") + nanos.get("retrieval") + nanos.get("fusion")
                + nanos.get("fetch") + nanos.get("scoring"));
    }

    @Test
    void theVectorHitsAreReadWhileTheKeywordQueryRunsAndNothingAfterFusion() throws Exception {
        List<List<String>> mgets = new CopyOnWriteArrayList<>();
        MatchResult result = withCountedReads(mgets, true, reading -> reading.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1)));
        List<String> vectorHits = result.hits().stream().filter(hit -> hit.explanation().retrievers().containsKey("faiss"))
                .map(hit -> String.valueOf(hit.id())).toList();
        assertThat(mgets).as("one mget, the prefetch: every pooled hit was read by one side or the other").hasSize(1);
        assertThat(mgets.getFirst()).as("the vector hits (the web app engineer shares no word with the offer), once each")
                .contains("12").containsAll(vectorHits).doesNotHaveDuplicates();
    }

    @Test
    void withoutThePrefetchOnlyVectorOnlyHitsAreReadAfterFusion() throws Exception {
        List<List<String>> mgets = new CopyOnWriteArrayList<>();
        MatchResult result = withCountedReads(mgets, false, reading -> reading.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1)));
        List<String> keywordHits = result.hits().stream()
                .filter(hit -> hit.explanation().retrievers().containsKey("elasticsearch"))
                .map(hit -> String.valueOf(hit.id())).toList();
        assertThat(keywordHits).as("the JavaScript developers").contains("11", "14");
        assertThat(mgets).hasSize(1);
        assertThat(mgets.getFirst()).as("sources read after retrieval: vector-only hits, once each; the keyword side "
                + "returned the others'").contains("12").doesNotHaveDuplicates().doesNotContainAnyElementsOf(keywordHits);
    }

    @Test
    void thePrefetchChangesNoAnswer() throws Exception {
        HybridMatcher afterFusion = new HybridMatcher(es, SearchIndexes.ensure(es), embedder, vectors,
                DocumentNormalizer.bundled(), RankingModel.bundled(), Map.of(), false);
        Map<String, Object> inline = candidate(998, "Développeuse React", "Interfaces web.", List.of("React"), "Paris", 2, "acme");
        List<MatchQuery> queries = new ArrayList<>();
        for (FusionMethod method : FusionMethod.values()) {
            for (int recall : new int[] {3, 100}) {
                for (int page = 0; page < 2; page++) {
                    queries.add(new MatchQuery(MatchDirection.CANDIDATES_FOR_OFFER, 1L, null, null, null, null, method,
                            60, 0.5, recall, page, 3));
                }
                // one offer indexed: one page
                queries.add(new MatchQuery(MatchDirection.OFFERS_FOR_CANDIDATE, null, inline, null, null, null,
                        method, 60, 0.5, recall, 0, 3));
            }
        }
        for (MatchQuery query : queries) {
            MatchResult expected = afterFusion.match(query);
            MatchResult actual = matcher.match(query);
            assertThat(actual.hits()).as("%s", query).isNotEmpty().isEqualTo(expected.hits());
            assertThat(actual.pool()).isEqualTo(expected.pool());
        }
    }

    /** {@code work} on a matcher whose Elasticsearch client records the ids of every mget, one list per mget. */
    private static <T> T withCountedReads(List<List<String>> mgets, boolean prefetch,
                                          java.util.function.Function<HybridMatcher, T> work) throws Exception {
        RestClient rest = RestClient
                .builder(HttpHost.create(TestElasticsearch.url().toString()))
                .setHttpClientConfigCallback(http -> http.addInterceptorLast((HttpRequestInterceptor)
                        (request, context) -> {
                            if (request.getRequestLine().getUri().contains("_mget")
                                    && request instanceof HttpEntityEnclosingRequest withBody) {
                                JsonNode body = JSON.readTree(EntityUtils.toString(withBody.getEntity()));
                                mgets.add(body.get("ids").valueStream().map(JsonNode::asString).toList());
                            }
                        }))
                .build();
        ElasticsearchClient counted = new ElasticsearchClient(new RestClientTransport(rest, new JacksonJsonpMapper()));
        try {
            return work.apply(new HybridMatcher(counted, SearchIndexes.ensure(counted), embedder, vectors,
                    DocumentNormalizer.bundled(), RankingModel.bundled(), Map.of(), prefetch));
        } finally {
            rest.close();
        }
    }

    @Test
    void theBestCandidateComesFirstWithACorrectExplanation() {
        MatchResult result = matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1));
        MatchHit best = result.hits().getFirst();
        assertThat(best.id()).isEqualTo(11);
        assertThat(best.rank()).isEqualTo(1);
        Explanation why = best.explanation();
        assertThat(why.matchedSkills()).containsExactlyInAnyOrder("javascript", "nodejs", "react");
        assertThat(why.missingSkills()).isEmpty();
        assertThat(why.categories().get("skills").score()).isEqualTo(1.0);
        assertThat(why.categories().get("seniority").score()).as("confirmée = mid = the offer's level").isEqualTo(1.0);
        assertThat(why.categories().get("location").score()).as("same city").isEqualTo(1.0);
        assertThat(why.occupations()).containsEntry("offer", "frontend_developer")
                .containsEntry("candidate", "frontend_developer").containsEntry("fit", "same");
        assertThat(why.categories().get("occupation").score()).isEqualTo(1.0);
        assertThat(why.retrievers()).containsKeys("elasticsearch", "faiss");
        assertThat(why.categories().values().stream().mapToDouble(Explanation.Category::contribution).sum())
                .isCloseTo(best.score(), org.assertj.core.data.Offset.offset(1e-9));
        MatchHit lyon = result.hits().stream().filter(h -> h.id() == 14).findFirst().orElseThrow();
        assertThat(lyon.explanation().categories().get("location").score()).as("Paris-Lyon, 390 km").isLessThan(0.01);
        assertThat(lyon.explanation().categories().get("seniority").score()).as("senior vs mid: one step").isEqualTo(1.0);
        Map<String, Explanation.Category> lyonCategories = lyon.explanation().categories();
        assertThat(lyonCategories.get("occupation_location").score()).as("the place, as far as the occupation agrees")
                .isEqualTo(lyonCategories.get("location").score() * lyonCategories.get("occupation_consensus").score());
        assertThat(why.categories().get("occupation_location").score())
                .isEqualTo(why.categories().get("occupation_consensus").score()).isPositive();
    }

    @Test
    void anotherOccupationScoresNothingForOccupationFit() {
        MatchResult result = matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).page(0, 50));
        MatchHit nurse = result.hits().stream().filter(h -> h.id() == 17).findFirst().orElseThrow();
        assertThat(nurse.explanation().occupations()).containsEntry("candidate", "nurse_responsible_for_general_care")
                .containsEntry("fit", "unrelated");
        assertThat(nurse.explanation().categories().get("occupation").score()).isZero();
        MatchHit best = result.hits().getFirst();
        assertThat(nurse.score()).isLessThan(best.score());
    }

    @Test
    void theTenantIsNeverCrossed() {
        for (FusionMethod method : FusionMethod.values()) {
            assertThat(ids(matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).with(method).page(0, 50))))
                    .as(method.name()).isNotEmpty().doesNotContain(15L);
        }
    }

    @Test
    void mustHaveCriteriaAndFiltersHoldForEveryHit() {
        MatchQuery query = MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).page(0, 50)
                .with(Criterion.SKILLS, Importance.MUST).with(Criterion.LOCATION, Importance.MUST);
        assertThat(ids(matcher.match(query))).containsExactly(11L);
        MatchFilters inLyon = new MatchFilters(List.of("Lyon"), null, List.of("ReactJS"), null, 5, null, null, null);
        assertThat(ids(matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).with(inLyon))))
                .containsExactly(14L);
    }

    @Test
    void aWideFilterChecksTheVectorHitsAndANarrowOneRestrictsFaissToTheSameHits() {
        VectorStore candidates = vectors.find("candidates").orElseThrow();
        float[] offer = vectors.find("job_offers").orElseThrow().vector(1).orElseThrow();
        List<Query> acme = List.of(Query.of(q -> q.term(t -> t.field("tenant_id").value("acme"))));
        // seven of the eight candidates pass: more than 3 ids is "wide" (over-fetch, then check), 10,000 is not
        RankedList narrow = new VectorRetriever(es).search(SearchIndex.CANDIDATES, candidates, offer, acme, 5);
        RankedList wide = new VectorRetriever(es, 3).search(SearchIndex.CANDIDATES, candidates, offer, acme, 5);
        assertThat(narrow.scores()).hasSize(5).doesNotContainKey(15L);
        assertThat(wide.scores()).isEqualTo(narrow.scores());
        assertThat(wide.scores().keySet()).containsExactlyElementsOf(narrow.scores().keySet());
        List<Query> nobody = List.of(Query.of(q -> q.term(t -> t.field("tenant_id").value("initech"))));
        assertThat(new VectorRetriever(es).search(SearchIndex.CANDIDATES, candidates, offer, nobody, 5).scores()).isEmpty();
    }

    @Test
    void aVectorOnlyAndAKeywordOnlyCandidateBothReachTheFusedList() {
        MatchQuery narrow = new MatchQuery(MatchDirection.CANDIDATES_FOR_OFFER, 1L, null, null, null, null,
                FusionMethod.RRF, 60, 0.5, 3, 0, 10);
        MatchResult result = matcher.match(narrow);
        assertThat(result.hits()).filteredOn(h -> h.explanation().retrievers().keySet().equals(java.util.Set.of("faiss")))
                .extracting(MatchHit::id).containsExactly(12L);
        assertThat(result.hits()).filteredOn(h -> h.explanation().retrievers().keySet().equals(java.util.Set.of("elasticsearch")))
                .extracting(MatchHit::id).containsExactly(13L);
    }

    @Test
    void offersForACandidateWorkTheOtherWayAndPagesAreStable() {
        Map<String, Object> inline = candidate(999, "Développeur Node.js", "API et microservices.", List.of("JS", "Node"), "Paris", 3, "acme");
        MatchResult offers = matcher.match(MatchQuery.inline(MatchDirection.OFFERS_FOR_CANDIDATE, inline));
        assertThat(ids(offers)).containsExactly(1L);
        MatchHit hit = offers.hits().getFirst();
        assertThat(hit.explanation().matchedSkills()).containsExactly("javascript", "nodejs");
        assertThat(hit.explanation().inferredSkills()).as("React is JavaScript: the candidate's broader skill, half credit")
                .containsExactly(new Explanation.InferredSkill("react", "broader", "javascript", 0.5));
        assertThat(hit.explanation().categories().get("skills").score()).isCloseTo(2.5 / 3, org.assertj.core.data.Offset.offset(1e-9));
        List<Long> all = ids(matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).page(0, 6)));
        List<Long> first = ids(matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).page(0, 3)));
        List<Long> second = ids(matcher.match(MatchQuery.byId(MatchDirection.CANDIDATES_FOR_OFFER, 1).page(1, 3)));
        assertThat(first).containsExactlyElementsOf(all.subList(0, 3));
        assertThat(second).containsExactlyElementsOf(all.subList(3, Math.min(6, all.size())));
    }
}

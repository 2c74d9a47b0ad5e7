package io.hybridmatch.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.normalization.DocumentKind;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.normalization.NormalizedDocument;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

/**
 * Hybrid matching, both ways: (1) Elasticsearch BM25 recall under the filters, (2) FAISS nearest vectors under the
 * same filters, (3) fusion of the two lists, (4) feature scoring of the fused pool (skills coverage, occupation fit,
 * the occupation's and the skills' agreement with the pool's top hits ({@link OccupationConsensus},
 * {@link SkillConsensus}), seniority fit, distance, distance where the occupation agrees,
 * experience, languages, education) combined with the retrieval score by category weights
 * (the ranking model's for the direction, {@link RankingModel}, under the deployment's overrides and the request's
 * own), with an explanation per hit. Stateless: safe for concurrent requests.
 */
public final class HybridMatcher {

    private static final int MIN_POOL = 100;
    /** The vector side of a request runs here while the keyword side runs on the request's thread. */
    private static final Executor RETRIEVERS = Executors.newVirtualThreadPerTaskExecutor();

    private final ElasticsearchClient es;
    private final TextEmbedder embedder;
    private final VectorStoreRegistry vectors;
    private final DocumentNormalizer normalizer;
    private final Map<MatchDirection, Map<String, Double>> defaultWeights = new java.util.EnumMap<>(MatchDirection.class);
    private final KeywordRetriever keyword;
    private final VectorRetriever vector;
    private final TargetFilters filters;
    private final FeatureScorer scorer;
    private final OccupationConsensus occupationConsensus;
    private final SkillConsensus skillConsensus = new SkillConsensus();
    private final boolean prefetch;

    /**
     * @param model             the category weights of a request that names none, per direction
     * @param deploymentWeights per-category overrides of the model's ({@code hybridmatch.matching.weights})
     */
    public HybridMatcher(ElasticsearchClient es, SearchIndexes indexes, TextEmbedder embedder, VectorStoreRegistry vectors,
                         DocumentNormalizer normalizer, RankingModel model, Map<String, Double> deploymentWeights) {
        this(es, indexes, embedder, vectors, normalizer, model, deploymentWeights, true);
    }

    /**
     * @param prefetch whether the vector side reads its hits' scoring fields while the keyword query runs (off the
     *                 request's path, but every vector hit read, keyword hits too); without, the pool's vector-only
     *                 hits are read after fusion (fewer reads, one more round trip on the path). Same answers.
     */
    public HybridMatcher(ElasticsearchClient es, SearchIndexes indexes, TextEmbedder embedder, VectorStoreRegistry vectors,
                         DocumentNormalizer normalizer, RankingModel model, Map<String, Double> deploymentWeights,
                         boolean prefetch) {
        this.prefetch = prefetch;
        this.es = es;
        this.embedder = embedder;
        this.vectors = vectors;
        this.normalizer = normalizer;
        for (MatchDirection direction : MatchDirection.values()) {
            Map<String, Double> weights = new HashMap<>(model.setting(direction).categoryWeights());
            weights.putAll(deploymentWeights);
            defaultWeights.put(direction, Map.copyOf(weights));
        }
        this.keyword = new KeywordRetriever(es, indexes);
        this.vector = new VectorRetriever(es);
        this.filters = new TargetFilters(normalizer.skills(), normalizer.taxonomy());
        this.scorer = new FeatureScorer(Gazetteer.bundled(), normalizer.taxonomy());
        this.occupationConsensus = new OccupationConsensus(normalizer.taxonomy());
    }

    public MatchResult match(MatchQuery query) {
        return match(query, MatchStages.untraced(query.direction()));
    }

    /** The same, each stage observed in {@code stages}. */
    public MatchResult match(MatchQuery query, MatchStages stages) {
        SearchIndex target = query.direction().target();
        Source source = stages.stage("source", () -> source(query));
        RetrievedLists retrieved = stages.stage("retrieval", () -> retrieve(query, source, stages));
        RankedList keywordHits = retrieved.keyword();
        RankedList vectorHits = retrieved.vector();
        Map<Long, Double> fused = stages.stage("fusion", () -> Fusion.fuse(query.fusion(), keywordHits, vectorHits,
                query.rrfK(), query.vectorWeight()));
        List<Long> order = new ArrayList<>(fused.keySet());
        order.sort(Comparator.comparingDouble((Long id) -> -fused.get(id)).thenComparingLong(id -> id));

        List<Long> pool = order.subList(0, Math.min(order.size(), poolSize(query)));
        Map<Long, Map<String, Object>> docs = retrieved.sources();
        // the pooled hits read by neither side: with the prefetch, vector hits ranked past it (none under RRF);
        // without, the vector-only hits
        docs.putAll(stages.stage("fetch", () -> fetchAll(target, pool.stream().filter(id -> !docs.containsKey(id)).toList())));
        Scored scored = stages.stage("scoring", () -> score(query, source.subject(), pool, fused, docs, keywordHits, vectorHits));
        return new MatchResult(scored.page(), scored.pool(), query.fusion(), stages.millis());
    }

    /** How many fused hits are scored: enough for the requested page, never fewer than {@value #MIN_POOL}. */
    private static int poolSize(MatchQuery query) {
        return Math.max(MIN_POOL, (query.page() + 1) * query.size());
    }

    /** The query's document (stored or inline, normalised), its vector and the filter clauses on the target. */
    private record Source(NormalizedDocument document, Subject subject, float[] vector, List<Query> clauses) {
    }

    /** Both ranked lists and the scoring fields read with them: the keyword hits' and the prefetched vector hits'. */
    private record RetrievedLists(RankedList keyword, RankedList vector, Map<Long, Map<String, Object>> sources) {
    }

    /** The requested page and how many documents of the pool were scored. */
    private record Scored(List<MatchHit> page, int pool) {
    }

    private Source source(MatchQuery query) {
        SearchIndex sourceIndex = query.direction().source();
        // a stored document was normalised when indexed: read back as is; an inline one is normalised here, once
        NormalizedDocument sourceDoc = query.id() != null ? sourceIndex.kind().fromRecord(fetch(sourceIndex, query.id()))
                : sourceIndex.kind().normalize(normalizer, query.document());
        Subject subject = Subject.of(sourceDoc);
        float[] queryVector = query.id() != null
                ? store(sourceIndex).vector(query.id()).orElseGet(() -> embedder.embed(subject.text()))
                : embedder.embed(subject.text());
        // a document's own tenant bounds its matches unless the request names one
        String tenant = query.filters().tenantId() != null ? query.filters().tenantId() : subject.tenantId();
        return new Source(sourceDoc, subject, queryVector, filters.of(query, subject, tenant));
    }

    /**
     * Both retrievers at once: the vector side on a virtual thread, the keyword side on this one. The keyword side
     * gets its hits' scoring fields with them; the vector side reads those of its hits as soon as FAISS answers
     * ({@code prefetch}), while the keyword query still runs, so that after fusion the {@code fetch} stage has
     * (almost) nothing left to read. It reads the hits within the pool's size of the vector list: under RRF (the
     * default) a vector hit ranked past that which the keyword side did not return has as many hits strictly ahead
     * of it, so fusion cannot keep it (one it did return came with its fields); under the score fusions a tie may let
     * one in, which {@code fetch} then reads. With the default recall (100) and
     * pool (100) that is every vector hit, some of which the keyword side also returns: a second read of those,
     * not on the request's path, in exchange for the sequential mget after fusion.
     */
    private RetrievedLists retrieve(MatchQuery query, Source source, MatchStages stages) {
        SearchIndex target = query.direction().target();
        CompletableFuture<VectorSide> vectorSide = CompletableFuture.supplyAsync(() -> {
            RankedList hits = stages.retriever("faiss",
                    () -> vector.search(target, store(target), source.vector(), source.clauses(), query.recallSize()));
            List<Long> ahead = hits.scores().keySet().stream().limit(prefetch ? poolSize(query) : 0).toList();
            return new VectorSide(hits, stages.retriever("prefetch", () -> fetchAll(target, ahead)));
        }, RETRIEVERS);
        KeywordRetriever.Result keywordHits;
        try {
            keywordHits = stages.retriever("elasticsearch", () -> keyword.search(target, source.subject(),
                    source.document().title(), source.clauses(), query.recallSize()));
        } catch (RuntimeException e) {
            vectorSide.cancel(true);
            throw e;
        }
        try {
            VectorSide vectorHits = vectorSide.join();
            Map<Long, Map<String, Object>> sources = new HashMap<>(vectorHits.sources());
            sources.putAll(keywordHits.sources());
            return new RetrievedLists(keywordHits.ranked(), vectorHits.ranked(), sources);
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** The vector list and the scoring fields of its hits read while the keyword query ran. */
    private record VectorSide(RankedList ranked, Map<Long, Map<String, Object>> sources) {
    }

    private Scored score(MatchQuery query, Subject source, List<Long> pool, Map<Long, Double> fused,
                                     Map<Long, Map<String, Object>> docs, RankedList keywordList, RankedList vectorList) {
        SearchIndex target = query.direction().target();
        double maxFused = pool.isEmpty() ? 1 : fused.get(pool.getFirst());
        Map<String, Double> weights = new HashMap<>(defaultWeights.get(query.direction()));
        weights.putAll(query.weights());
        List<Subject> others = new ArrayList<>();
        for (long id : pool) {
            Map<String, Object> doc = docs.get(id);
            if (doc != null) { // else deleted between retrieval and scoring
                others.add(Subject.scored(target.kind().fromRecord(withId(target, doc, id))));
            }
        }
        List<Double> occupationConsensus = this.occupationConsensus.of(others.stream().map(Subject::occupation).toList());
        List<Double> skillConsensus = this.skillConsensus.of(others.stream().map(Subject::skills).toList());
        boolean candidates = target.kind() == DocumentKind.CANDIDATE;
        List<MatchHit> scored = new ArrayList<>();
        for (int i = 0; i < others.size(); i++) {
            Subject other = others.get(i);
            Subject offer = candidates ? source : other;
            Subject candidate = candidates ? other : source;
            scored.add(score(query, other.id(), offer, candidate, fused.get(other.id()) / (maxFused > 0 ? maxFused : 1),
                    fused.get(other.id()), poolCriteria(occupationConsensus.get(i), skillConsensus.get(i)), weights,
                    keywordList, vectorList));
        }
        scored.sort(Comparator.comparingDouble((MatchHit h) -> -h.score()).thenComparingLong(MatchHit::id));
        int from = Math.min(scored.size(), query.page() * query.size());
        List<MatchHit> page = new ArrayList<>();
        for (int i = from; i < Math.min(scored.size(), from + query.size()); i++) {
            MatchHit h = scored.get(i);
            page.add(new MatchHit(h.id(), h.score(), i + 1, h.explanation()));
        }
        return new Scored(page, scored.size());
    }

    private MatchHit score(MatchQuery query, long id, Subject offer, Subject candidate, double retrieval, double fusedScore,
                           Map<Criterion, Double> poolCriteria, Map<String, Double> weights,
                           RankedList keywordList, RankedList vectorList) {
        FeatureScorer.Features features = scorer.score(query.direction(), offer, candidate);
        Map<String, Double> scores = new LinkedHashMap<>();
        Map<String, Double> categoryWeights = new LinkedHashMap<>();
        scores.put(RankingModel.RETRIEVAL, retrieval);
        categoryWeights.put(RankingModel.RETRIEVAL, weights.getOrDefault(RankingModel.RETRIEVAL, 0.0));
        Map<Criterion, Double> criteria = new EnumMap<>(Criterion.class);
        criteria.putAll(features.scores());
        criteria.putAll(poolCriteria);
        // a nearby candidate of another trade is no nearer a fit: the place counts as far as the occupation agrees
        Double location = criteria.get(Criterion.LOCATION);
        Double consensus = criteria.get(Criterion.OCCUPATION_CONSENSUS);
        if (location != null && consensus != null) {
            criteria.put(Criterion.OCCUPATION_LOCATION, location * consensus);
        }
        criteria.forEach((criterion, value) -> {
            scores.put(criterion.key(), value);
            categoryWeights.put(criterion.key(), weights.getOrDefault(criterion.key(), 0.0)
                    * query.importance().get(criterion).weightFactor());
        });
        double total = categoryWeights.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Explanation.Category> categories = new LinkedHashMap<>();
        double score = 0;
        for (String key : scores.keySet()) {
            double contribution = total > 0 ? categoryWeights.get(key) * scores.get(key) / total : 0;
            categories.put(key, new Explanation.Category(scores.get(key), categoryWeights.get(key), contribution));
            score += contribution;
        }
        Map<String, Explanation.Retrieval> retrievers = new LinkedHashMap<>();
        for (RankedList list : List.of(keywordList, vectorList)) {
            Double raw = list.scores().get(id);
            if (raw != null) {
                retrievers.put(list.retriever(), new Explanation.Retrieval(list.rank(id), raw));
            }
        }
        SkillCoverage.Result skills = features.skills();
        // a weighted mean of scores in [0, 1]; its float sum can land an ulp above 1 (the contract's maximum)
        return new MatchHit(id, Math.min(1.0, score), 0, new Explanation(skills.matched(), skills.missing(), skills.inferred(),
                features.occupations(), categories, retrievers, fusedScore));
    }

    /** The categories a document gets from its place in the pool, where it has them. */
    private static Map<Criterion, Double> poolCriteria(Double occupationConsensus, Double skillConsensus) {
        Map<Criterion, Double> criteria = new EnumMap<>(Criterion.class);
        if (occupationConsensus != null) {
            criteria.put(Criterion.OCCUPATION_CONSENSUS, occupationConsensus);
        }
        if (skillConsensus != null) {
            criteria.put(Criterion.SKILL_CONSENSUS, skillConsensus);
        }
        return criteria;
    }

    private VectorStore store(SearchIndex index) {
        return vectors.find(index.alias()).orElseThrow(() -> new IllegalStateException("no vector index " + index.alias()));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> fetch(SearchIndex index, long id) {
        try {
            GetResponse<Map> response = es.get(g -> g.index(index.alias()).id(Long.toString(id)), Map.class);
            if (!response.found()) {
                throw new NoSuchElementException(index.alias() + " has no document " + id);
            }
            return withId(index, response.source(), id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<Long, Map<String, Object>> fetchAll(SearchIndex index, List<Long> ids) {
        Map<Long, Map<String, Object>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        try {
            MgetResponse<Map> response = es.mget(m -> m.index(index.alias()).ids(ids.stream().map(String::valueOf).toList())
                    .sourceExcludes(ScoringSource.unscored(index.kind())), Map.class);
            response.docs().forEach(doc -> {
                if (doc.isResult() && doc.result().found()) {
                    out.put(Long.parseLong(doc.result().id()), doc.result().source());
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source with its id field from the hit's: set in place, the map being this request's own parse. */
    private static Map<String, Object> withId(SearchIndex index, Map<String, Object> source, long id) {
        source.put(index.idField(), id);
        return source;
    }
}

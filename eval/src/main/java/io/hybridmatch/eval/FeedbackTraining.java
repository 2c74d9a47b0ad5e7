package io.hybridmatch.eval;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.RankingModel;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Retrains the category weights of a ranking model on a deployment's own traffic: the feedback events the
 * monitoring stores become graded labels ({@link FeedbackJudgements}), each judged search is scored again by the
 * real matcher over the deployment's Elasticsearch and vector indexes with the model's fusion, and coordinate ascent
 * learns the weights; a 5-fold cross-validation by search reports held-out NDCG@10 of the current and the new weights,
 * and a direction keeps its current weights unless the learned ones do better on held-out searches.
 *
 * <p>Run: {@code eval/train --feedback --vectors <the engine's vector data dir> [--model current.json]
 * [--since 2026-09-01T00:00:00Z] --out new.json} with ELASTICSEARCH_URL set. The vector indexes are opened for
 * reading: point it at a restored backup, or stop the engine (a store is opened by one process at a time).
 */
public final class FeedbackTraining {

    /** Held-out NDCG@10 of the judged searches per direction, with the current and with the learned weights. */
    record Outcome(RankingModel model, Map<MatchDirection, double[]> heldOut, int queries) {
    }

    private FeedbackTraining() {
    }

    static Outcome train(ElasticsearchClient es, HybridMatcher matcher, RankingModel current, Instant since) throws IOException {
        FeedbackJudgements.Read read = FeedbackJudgements.read(es, since);
        Map<MatchDirection, RankingModel.Setting> settings = new EnumMap<>(MatchDirection.class);
        Map<MatchDirection, double[]> heldOut = new EnumMap<>(MatchDirection.class);
        Map<String, Object> cvReport = new LinkedHashMap<>();
        int used = 0;
        for (MatchDirection direction : MatchDirection.values()) {
            RankingModel.Setting setting = current.setting(direction);
            FusionConfig fusion = new FusionConfig(setting.fusion(), setting.rrfK(), setting.vectorWeight());
            List<RankingQuery> queries = FeedbackJudgements.queries(read.judged().stream()
                    .filter(j -> j.direction() == direction).toList(), new PoolCollector(matcher), fusion);
            if (queries.size() < CrossValidation.FOLDS * 2) { // too few to learn from: this direction keeps its weights
                settings.put(direction, setting);
                cvReport.put(direction.name().toLowerCase(Locale.ROOT), queries.size() + " judged searches: kept");
                continue;
            }
            used += queries.size();
            double[] start = RelevanceEvaluation.weights(setting.categoryWeights());
            CrossValidation cv = new CrossValidation(Map.of(fusion, queries), start, RelevanceEvaluation.SEED);
            double before = SystemScores.of("current", queries, q -> start).meanNdcg10();
            double after = SystemScores.of("learned", queries, q -> cv.heldOutWeights(fusion, q)).meanNdcg10();
            heldOut.put(direction, new double[]{before, after});
            cvReport.put(direction.name().toLowerCase(Locale.ROOT), Map.of("judged_searches", queries.size(),
                    "previous_weights", RelevanceEvaluation.round(before), "learned_weights", RelevanceEvaluation.round(after),
                    "kept", after > before ? "learned weights" : "previous weights"));
            if (after <= before) { // learning on this traffic would not have helped unseen searches: keep the model's
                settings.put(direction, setting);
                continue;
            }
            double[] learned = new CoordinateAscent(queries).train(start, RelevanceEvaluation.SEED).weights();
            settings.put(direction, new RankingModel.Setting(setting.fusion(), setting.rrfK(), setting.vectorWeight(),
                    RelevanceEvaluation.named(learned)));
        }
        if (used == 0) {
            throw new IllegalStateException("too few judged searches (a click or better, with query_id) since " + since + ": "
                    + read.events() + " events, " + read.withoutQuery() + " without query_id; nothing to learn from");
        }
        Map<String, Object> training = new LinkedHashMap<>();
        training.put("trained_at", Instant.now().toString());
        training.put("method", "coordinate ascent on mean NDCG@10 of judged searches, per direction, from " + current.version());
        training.put("feedback_since", since.toString());
        training.put("feedback_events", read.events());
        training.put("events_without_query_id", read.withoutQuery());
        training.put("held_out_ndcg10_" + CrossValidation.FOLDS + "_fold_cv", cvReport);
        RankingModel model = new RankingModel("feedback-" + Instant.now().toString().substring(0, 10), settings, training);
        return new Outcome(model, heldOut, used);
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (!options.containsKey("vectors") || !options.containsKey("out")) {
            throw new IllegalArgumentException("usage: eval/train --feedback --vectors DIR [--model FILE] [--since INSTANT] "
                    + "[--ef-search 64] --out FILE (ELASTICSEARCH_URL: the deployment's cluster)");
        }
        RankingModel current = options.containsKey("model") ? RankingModel.load(Path.of(options.get("model"))) : RankingModel.bundled();
        Instant since = options.containsKey("since") ? Instant.parse(options.get("since")) : Instant.now().minus(Duration.ofDays(90));
        int efSearch = Integer.parseInt(options.getOrDefault("ef-search", "64"));
        String url = System.getenv().getOrDefault("ELASTICSEARCH_URL", "http://127.0.0.1:9200");
        try (ElasticsearchClient es = ElasticsearchClients.create(URI.create(url));
             TextEmbedder embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 10_000);
             VectorStoreRegistry vectors = FaissVectorStores.open(Path.of(options.get("vectors")), Arrays.stream(SearchIndex.values())
                     .map(i -> new FaissIndexSpec(i.alias(), embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", efSearch, 0))
                     .toList())) {
            HybridMatcher matcher = new HybridMatcher(es, SearchIndexes.ensure(es), embedder, vectors, NearestSkillByEmbedding.normalizer(embedder),
                    current, Map.of());
            Outcome outcome = train(es, matcher, current, since);
            outcome.model().write(Path.of(options.get("out")));
            outcome.heldOut().forEach((direction, ndcg) -> System.out.printf(Locale.ROOT,
                    "%s: held-out NDCG@10 %.3f with %s's weights, %.3f learned%n", direction, ndcg[0], current.version(), ndcg[1]));
            System.out.printf("%d judged searches; model %s written to %s%n", outcome.queries(), outcome.model().version(),
                    options.get("out"));
        }
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            out.put(name, i + 1 < args.length && !args[i + 1].startsWith("--") ? args[++i] : "true");
        }
        return out;
    }
}

package io.hybridmatch.bench.latency;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.bench.vectors.IndexTypes;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.ElasticsearchCredentials;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissStoreTuning;
import io.hybridmatch.vector.faiss.FaissVectorStore;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The steps of {@code bench/latency/run} (which starts Elasticsearch and the engine between them):
 * <pre>
 *   index   ES_URL DATA_DIR N [FACTORY]   N generated candidates and the offers into Elasticsearch and the engine's
 *                                          FAISS files under DATA_DIR, before the engine starts
 *   query   ENGINE_URL KEY_FILE REQUESTS [ANSWERS]  offer → candidates through HTTP, one at a time: percentiles
 *                                          per stage; each offer's first answer (hits) written to ANSWERS if given
 *   indexes DATA_DIR QUERIES [FACTORY]    memory per million vectors, recall@10 (tie-aware and by id) and latency
 *                                          of HNSW32, IVF_FLAT, IVF-PQ on the candidates' vectors (engine stopped)
 * </pre>
 */
public final class LatencyLoad {

    static final int OFFERS_PER_OCCUPATION = 10;
    static final String DEFAULT_FACTORY = "HNSW32,Flat";
    static final List<String> STAGES = List.of("request_json", "source", "retrieval", "fusion", "fetch", "scoring",
            "response_json", "unreported");

    private LatencyLoad() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        switch (args[0]) {
            case "index" -> {
                try (ElasticsearchClient es = ElasticsearchClients.create(URI.create(args[1]), ElasticsearchCredentials.none(), LatencyIndexing.BULK_TIMEOUT)) {
                    LatencyIndexing.Indexed done = LatencyIndexing.run(es, Path.of(args[2]), Integer.parseInt(args[3]),
                            OFFERS_PER_OCCUPATION, args.length > 4 ? args[4] : DEFAULT_FACTORY, 64, 16);
                    System.out.printf("%,d candidates and %d offers indexed in %.0f s (%.0f candidates/s: normalisation, "
                                    + "Elasticsearch bulk, hashed vectors, FAISS upsert)%n", done.candidates(),
                            done.offerIds().size(), done.seconds(), done.candidates() / done.seconds());
                }
            }
            case "query" -> {
                MatchRequests requests = new MatchRequests(URI.create(args[1]), Files.readString(Path.of(args[2])).strip());
                int n = Integer.parseInt(args[3]);
                System.out.print(table(requests.run(offerIds(), Math.min(50, n), n)));
                if (args.length > 4) {
                    requests.writeAnswers(Path.of(args[4]));
                }
            }
            case "indexes" -> {
                float[][] vectors = vectors(Path.of(args[1]).resolve("vectors"), "candidates", args.length > 3 ? args[3] : DEFAULT_FACTORY);
                float[][] offers = vectors(Path.of(args[1]).resolve("vectors"), "job_offers", args.length > 3 ? args[3] : DEFAULT_FACTORY);
                List<float[]> queries = new ArrayList<>();
                for (int i = 0; i < Integer.parseInt(args[2]); i++) {
                    queries.add(offers[i % offers.length]);
                }
                Path work = Files.createTempDirectory(Path.of(args[1]), "index-types");
                System.out.print(IndexTypes.table(IndexTypes.run(vectors, queries, work, IndexTypes.variants(IndexTypes.ivfLists(vectors.length), 64), 0)));
            }
            default -> throw new IllegalArgumentException("usage: index|query|indexes ... (see the class comment)");
        }
    }

    static List<Long> offerIds() {
        return GeneratedProfiles.offers(OFFERS_PER_OCCUPATION).stream()
                .map(o -> ((Number) o.get("job_offer_id")).longValue()).toList();
    }

    /** Every vector of one of the engine's FAISS stores, in id order (the engine may have added its demo documents). */
    static float[][] vectors(Path vectorsDir, String name, String factory) {
        FaissIndexSpec spec = new FaissIndexSpec(name, 384, Metric.INNER_PRODUCT, factory, 64, 16);
        try (FaissVectorStore store = FaissVectorStore.open(vectorsDir.resolve(name), spec,
                new FaissStoreTuning(0.2, 1_000, 20_000, 39, 16L << 30))) {
            return store.ids().sorted().mapToObj(id -> store.vector(id).orElseThrow()).toArray(float[][]::new);
        }
    }

    static String table(MatchRequests.Result r) {
        StringBuilder out = new StringBuilder();
        double[] e2e = r.endToEndMs();
        out.append(String.format("%d requests, offer → candidates, default options, one at a time%n%n", e2e.length));
        out.append("| stage | mean ms | p50 ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        double sum = 0;
        for (String stage : STAGES) {
            StageHistograms.Series s = r.stages().series().get(stage);
            if (s != null) {
                sum += s.meanMs();
                out.append(row(stage, s));
            }
        }
        r.retrievers().series().forEach((name, s) -> out.append(row("  retriever " + name + " (inside retrieval)", s)));
        StageHistograms.Series server = r.server().series().get("http_server_requests_seconds");
        if (server != null) {
            out.append(row("whole request, server (Spring's timer)", server));
        }
        out.append(String.format("| **end to end, client** | %.2f | %.2f | %.2f | %.2f |%n",
                java.util.Arrays.stream(e2e).average().orElse(0), MatchRequests.percentile(e2e, 0.5),
                MatchRequests.percentile(e2e, 0.95), MatchRequests.percentile(e2e, 0.99)));
        out.append(String.format("%nsum of the stages' means: %.2f ms; server mean: %.2f ms%n", sum,
                server == null ? Double.NaN : server.meanMs()));
        out.append("(stage percentiles from the engine's Prometheus histograms, interpolated within buckets; end to end exact)\n");
        out.append(slowest(r));
        MatchRequests.Gc gc = r.gc();
        out.append(String.format("engine JVM meanwhile: %.2f MB allocated per request (counted at each collection), %.0f GC pauses, %.0f ms in all%n",
                gc.allocatedBytes() / e2e.length / 1e6, gc.pauses(), gc.pauseSeconds() * 1e3));
        return out.toString();
    }

    /**
     * Which offers the slowest hundredth of the requests were for, each with that offer's median: if the same few
     * offers make the tail, their query is what costs; if the tail's offers are fast at their median, something
     * beside the request (a pause, another process) made it.
     */
    static String slowest(MatchRequests.Result r) {
        double[] e2e = r.endToEndMs();
        Map<Long, List<Double>> byOffer = new HashMap<>();
        for (int i = 0; i < e2e.length; i++) {
            byOffer.computeIfAbsent(r.offers()[i], o -> new ArrayList<>()).add(e2e[i]);
        }
        StringBuilder out = new StringBuilder("the slowest hundredth of the requests (ms, offer, that offer's median ms):");
        IntStream.range(0, e2e.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -e2e[i]))
                .limit(Math.max(1, e2e.length / 100)).forEach(i -> out.append(String.format(" %.1f (%d, %.1f)", e2e[i],
                        r.offers()[i], MatchRequests.percentile(byOffer.get(r.offers()[i]).stream()
                                .mapToDouble(Double::doubleValue).toArray(), 0.5))));
        return out.append('\n').toString();
    }

    private static String row(String name, StageHistograms.Series s) {
        return String.format("| %s | %.2f | %.2f | %.2f | %.2f |%n", name, s.meanMs(), s.quantileMs(0.5),
                s.quantileMs(0.95), s.quantileMs(0.99));
    }
}

package io.hybridmatch.bench.latency;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissStoreTuning;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills an engine's stores before it starts, through the pipeline the worker uses ({@link DocumentIndexer}:
 * normalisation, Elasticsearch bulk, vector upsert), with {@link HashedTextEmbedder} vectors: the FAISS files land
 * in {@code dataDir/vectors}, where the engine opens them. The node's candidates/job_offers indexes are created anew.
 */
final class LatencyIndexing {

    /** What was indexed and how fast. */
    record Indexed(int candidates, List<Long> offerIds, double seconds) {
    }

    static final int THREADS = 2;
    /** A bulk of 1,000 profiles on a node busy with merges, on two shared cores, has been seen past the default 30 s. */
    static final Duration BULK_TIMEOUT = Duration.ofMinutes(5);

    private LatencyIndexing() {
    }

    static Indexed run(ElasticsearchClient es, Path dataDir, int candidates, int offersPerOccupation, String factory,
                       int efSearch, int nprobe) throws IOException {
        TextEmbedder embedder = new HashedTextEmbedder(384);
        // one snapshot at close rather than one per 64 MiB of log: a million vectors would rewrite the index ~20 times
        FaissStoreTuning tuning = new FaissStoreTuning(0.2, 1_000, 20_000, 39, 16L << 30);
        long start = System.nanoTime();
        List<Map<String, Object>> offers = GeneratedProfiles.offers(offersPerOccupation);
        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS);
             VectorStoreRegistry vectors = FaissVectorStores.open(dataDir.resolve("vectors"), List.of(
                new FaissIndexSpec("candidates", embedder.dimension(), Metric.INNER_PRODUCT, factory, efSearch, nprobe),
                new FaissIndexSpec("job_offers", embedder.dimension(), Metric.INNER_PRODUCT, factory, efSearch, nprobe)), tuning)) {
            SearchIndexes indexes = SearchIndexes.recreate(es);
            DocumentIndexer indexer = new DocumentIndexer(es, indexes, embedder, vectors, DocumentNormalizer.bundled(), Clock.systemUTC());
            int[] done = {0};
            GeneratedProfiles.candidates(candidates, chunk -> {
                // batches of a chunk in parallel, as several worker tasks would send them: normalisation and bulk
                // requests overlap, the vector store serialises its writes
                List<Future<?>> batches = new ArrayList<>();
                for (int i = 0; i < chunk.size(); i += 1_000) {
                    List<Map<String, Object>> batch = chunk.subList(i, Math.min(chunk.size(), i + 1_000));
                    batches.add(pool.submit(() -> indexer.indexAll(SearchIndex.CANDIDATES, batch)));
                }
                for (Future<?> batch : batches) {
                    try {
                        batch.get();
                    } catch (InterruptedException | ExecutionException e) {
                        throw new IllegalStateException("indexing failed", e);
                    }
                }
                done[0] += chunk.size();
                if (done[0] % 100_000 < chunk.size()) {
                    System.out.printf("indexed %,d candidates after %.0f s%n", done[0], (System.nanoTime() - start) / 1e9);
                }
            });
            indexer.indexAll(SearchIndex.JOB_OFFERS, offers);
            es.indices().refresh(r -> r.index(SearchIndex.CANDIDATES.alias(), SearchIndex.JOB_OFFERS.alias()));
            // what a deployment does after a bulk load, before it serves: one segment instead of the ~17 the bulk
            // leaves at a million (the recorded keyword queries replayed: the node's took 8.3 -> 7.5 ms mean)
            es.indices().forcemerge(f -> f.index(SearchIndex.CANDIDATES.alias(), SearchIndex.JOB_OFFERS.alias())
                    .maxNumSegments(1L).waitForCompletion(true));
        }
        List<Long> offerIds = offers.stream().map(o -> ((Number) o.get("job_offer_id")).longValue()).toList();
        return new Indexed(candidates, offerIds, (System.nanoTime() - start) / 1e9);
    }
}

package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.ElasticsearchIndicesClient;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A backup taken while the engine serves, restored by a second engine started on a fresh data directory: the same
 * hits and scores for matching and for {@code /faiss/search}, and what changed after the backup is gone. On both
 * vector backends: FAISS stores are copied as files, Elasticsearch vector indexes go into the snapshot.
 */
class BackupRestoreIT {

    private static final long[] OFFERS = LongStream.rangeClosed(101, 108).toArray();

    @TempDir
    Path tempDir;

    @ParameterizedTest
    @ValueSource(strings = {"faiss", "elasticsearch"})
    void aRestoredBackupAnswersLikeTheEngineItWasTakenFrom(String backend) throws IOException {
        String name = "it-" + ThreadLocalRandom.current().nextInt(1_000_000);
        String vectorStore = "--hybridmatch.vector-store=" + backend;
        Path first = tempDir.resolve("first");
        Map<String, List<Hit>> before;
        List<float[]> queries = new ArrayList<>();
        try (ConfigurableApplicationContext engine = start(first, vectorStore, "--hybridmatch.demo.enabled=true")) {
            ContractClient client = client(engine);
            int dimension = client.post("/embeddings", Map.of("texts", List.of("x"))).body().get("dimension").asInt();
            IntStream.range(0, 5).forEach(i -> queries.add(UnitVectors.random(dimension, 500 + i)));
            client.post("/faiss/upsert", Map.of("index", "candidates", "items", LongStream.rangeClosed(8001, 8040)
                    .mapToObj(id -> Map.of("id", id, "vector", UnitVectors.random(dimension, id))).toList()));
            // BM25 counts deleted documents (this node's earlier tests re-indexed the demo) until a merge drops them,
            // and the snapshot's flush may merge: settled first, so that only the backup can change an answer
            ElasticsearchIndicesClient indices = engine.getBean(ElasticsearchClient.class).indices();
            indices.forcemerge(f -> f.index("candidates", "job_offers").maxNumSegments(1L));
            indices.refresh(r -> r.index("candidates", "job_offers"));
            before = answers(client, queries);

            ContractClient.Reply backup = client.post("/admin/backups", Map.of("name", name));
            assertThat(backup.status()).isEqualTo(201);
            assertThat(backup.body().at("/elasticsearch/documents/candidates-v1").asLong()).isGreaterThanOrEqualTo(12);
            List<String> copied = backup.body().get("vectors").valueStream().map(v -> v.get("index").asString()).toList();
            if (backend.equals("faiss")) {
                assertThat(copied).containsExactly("candidates", "job_offers");
            } else {
                assertThat(copied).as("snapshotted, not copied").isEmpty();
                assertThat(backup.body().at("/elasticsearch/documents/vectors-candidates").asLong()).isGreaterThanOrEqualTo(52);
            }
            assertThat(client.getJson("/admin/backups").body().valueStream().map(b -> b.get("name").asString()))
                    .contains(name);
            System.out.println("backup: " + backup.body());

            // changes after the backup, which the restore must undo
            client.post("/faiss/delete", Map.of("index", "candidates", "ids", List.of(8001)));
            engine.getBean(DocumentIndexer.class).index(SearchIndex.CANDIDATES, Map.of("candidate_id", 8200,
                    "headline", "Java developer, Spring Boot", "updated_at", "2026-11-20T10:00:00Z"));
        }

        Path fresh = tempDir.resolve("fresh");
        try (ConfigurableApplicationContext engine = start(fresh, vectorStore, "--hybridmatch.backup.dir=" + first.resolve("backups"),
                "--hybridmatch.backup.restore=" + name)) {
            ContractClient client = client(engine);
            // ids and order exactly; scores to 1e-5 (the same bits but for the JSON round trip)
            double tolerance = 1e-5;
            assertThat(answers(client, queries)).usingRecursiveComparison()
                    .withComparatorForType((a, b) -> Math.abs(a - b) <= tolerance ? 0 : Double.compare(a, b), Double.class)
                    .isEqualTo(before);
            assertThat(client.getJson("/faiss/indexes/candidates/vectors/8001").status()).isEqualTo(200);
            assertThat(client.getJson("/faiss/indexes/candidates/vectors/8200").status()).isEqualTo(404);
            assertThat(engine.getBean(ElasticsearchClient.class).get(g -> g.index("candidates").id("8200"), Map.class)
                    .found()).isFalse();
            assertThat(Files.isRegularFile(fresh.resolve("vectors/candidates/CURRENT"))).isEqualTo(backend.equals("faiss"));
            // the Elasticsearch vector indexes outlive this test: leave them as the other tests of this node expect
            client.post("/faiss/delete", Map.of("index", "candidates", "ids", LongStream.rangeClosed(8001, 8040).boxed().toList()));
        }
    }

    /** One hit of an answer. */
    private record Hit(long id, double score) {
    }

    /** Matching for each demo offer and FAISS search for each query: ids with scores, in order. */
    private static Map<String, List<Hit>> answers(ContractClient client, List<float[]> queries) {
        Map<String, List<Hit>> answers = new LinkedHashMap<>();
        for (long offer : OFFERS) {
            JsonNode hits = client.post("/match/candidates", Map.of("job_offer_id", offer, "size", 10)).body().get("hits");
            answers.put("match " + offer, hits.valueStream().map(h -> new Hit(h.get("id").asLong(), h.get("score").asDouble())).toList());
        }
        for (int i = 0; i < queries.size(); i++) {
            JsonNode hits = client.post("/faiss/search", Map.of("index", "candidates", "vector", queries.get(i), "top_k", 20))
                    .body().get("hits");
            answers.put("faiss " + i, hits.valueStream().map(h -> new Hit(h.get("id").asLong(), h.get("score").asDouble())).toList());
        }
        return answers;
    }

    private static ConfigurableApplicationContext start(Path dataDir, String... extra) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--hybridmatch.data-dir=" + dataDir,
                "--hybridmatch.elasticsearch.url=" + TestElasticsearch.url()));
        args.addAll(TestKeys.arguments(List.of(TestKeys.ADMIN)));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(MatchingEngineApplication.class).run(args.toArray(String[]::new));
    }

    private static ContractClient client(ConfigurableApplicationContext engine) {
        return new ContractClient(((WebServerApplicationContext) engine).getWebServer().getPort());
    }
}

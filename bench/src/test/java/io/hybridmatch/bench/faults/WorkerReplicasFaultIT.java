package io.hybridmatch.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.mget.MultiGetResponseItem;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.hybridmatch.bench.JarProcess;
import io.hybridmatch.celery.worker.CeleryTestClient;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorIndexSpec;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two worker processes (the worker's jar, as {@code bin/run} starts it, with {@code hybridmatch.vector-store=
 * elasticsearch}: vectors straight into Elasticsearch, no engine) consuming one queue as competing consumers. Each
 * profile gets several versions, sent two at a time (a newer one, then an older one right behind it, so that the two
 * workers take them at once); one worker is killed with SIGKILL halfway through the sending, and the other takes
 * over what it held. At the end each profile must be in Elasticsearch at its newest version, with the vector of that
 * version, once. Figures printed: pushed (broker-confirmed sends) / lost / duplicated / stale. CI's short form sends
 * 40 profiles x 6 versions over 20 s; {@code -Dworker-replicas.profiles}, {@code .versions}, {@code .duration}
 * (profile {@code reliability}) give the long form.
 */
class WorkerReplicasFaultIT {

    static final int PROFILES = Integer.getInteger("worker-replicas.profiles", 40);
    static final int VERSIONS = Integer.getInteger("worker-replicas.versions", 6);
    static final Duration DURATION = Duration.parse(System.getProperty("worker-replicas.duration", "PT20S"));
    static final String RESULTS = "redis://127.0.0.1:6379/5";
    private static final List<String> HEADLINES = List.of("Pastry chef", "Truck driver", "Java developer",
            "Night nurse", "Payroll accountant", "Industrial electrician", "Primary school teacher", "TIG welder");
    private static final Instant BASE = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void killNineOfOneOfTwoWorkersKeepsTheNewestVersionOfEveryProfile() throws Exception {
        String queue = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        long firstId = 60_000_000L + new Random().nextInt(1_000) * 10_000L;
        List<long[]> sends = sends(firstId);
        Map<Long, Long> newest = new HashMap<>();
        List<String> tasks = new ArrayList<>();
        int killedAfter = 0;
        try (JarProcess a = worker(queue, "a"); JarProcess b = worker(queue, "b");
             CeleryTestClient django = new CeleryTestClient(5672, RESULTS, queue)) {
            CompletableFuture.allOf(a.healthy("actuator/health", Duration.ofMinutes(5)),
                    b.healthy("actuator/health", Duration.ofMinutes(5))).join();
            long interval = DURATION.toNanos() / sends.size();
            long start = System.nanoTime();
            for (long[] send : sends) {
                if (tasks.size() == sends.size() / 2) {
                    b.kill();
                    killedAfter = tasks.size();
                }
                tasks.add(django.send("hybridmatch.index_candidate", List.of(candidate(send[0], (int) send[1]))));
                newest.merge(send[0], send[1], Math::max);
                long due = start + tasks.size() * interval;
                Thread.sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
            }
            Map<String, JsonNode> results = django.awaitFinal(tasks, Duration.ofMinutes(5));
            Figures figures = figures(newest);
            long succeeded = results.values().stream().filter(r -> r.get("status").asString().equals("SUCCESS")).count();
            long answeredStale = results.values().stream().filter(r -> r.at("/result/status").asString().equals("stale")).count();
            System.out.printf("WORKER REPLICAS 2 workers, %d profiles x %d versions in %d s, kill -9 of one after %d sends:"
                            + " %d pushed, %d SUCCESS (%d answered stale), %d lost, %d duplicated, %d stale%s%n",
                    PROFILES, VERSIONS, DURATION.toSeconds(), killedAfter, tasks.size(), succeeded, answeredStale,
                    figures.lost.size(), figures.duplicated.size(), figures.stale.size(),
                    figures.lost.isEmpty() && figures.stale.isEmpty() ? "" : " lost " + figures.lost + " stale " + figures.stale);

            assertThat(b.isAlive()).as("worker b was killed").isFalse();
            assertThat(succeeded).as("every task ended SUCCESS: " + results.size() + " final results").isEqualTo(tasks.size());
            assertThat(answeredStale).as("older versions refused").isPositive();
            assertThat(figures.lost).isEmpty();
            assertThat(figures.duplicated).isEmpty();
            assertThat(figures.stale).isEmpty();
        } finally {
            deleteQueues(queue);
        }
    }

    /**
     * {id, version} in sending order: profiles shuffled, and for each pair of versions the newer one first, the older
     * right behind it (the two workers take them at once). Versions 1, 0, 3, 2, 5, 4, ...
     */
    private static List<long[]> sends(long firstId) {
        List<long[]> sends = new ArrayList<>();
        Random random = new Random(20261203);
        for (int pair = 0; pair < VERSIONS / 2; pair++) {
            List<Long> ids = new ArrayList<>();
            for (int p = 0; p < PROFILES; p++) {
                ids.add(firstId + p);
            }
            Collections.shuffle(ids, random);
            for (long id : ids) {
                sends.add(new long[] {id, 2L * pair + 1});
                sends.add(new long[] {id, 2L * pair});
            }
        }
        return sends;
    }

    /** Each version has a headline of another trade, so the vector of an older version cannot pass for the newest's. */
    private static Map<String, Object> candidate(long id, int version) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("candidate_id", id);
        c.put("headline", HEADLINES.get(version % HEADLINES.size()));
        c.put("summary", "Version " + version + " of profile " + id);
        c.put("location", "Paris");
        c.put("updated_at", BASE.plusSeconds(60L * version).toString());
        return c;
    }

    private record Figures(List<Long> lost, List<Long> duplicated, List<Long> stale) {
    }

    /**
     * lost: no document or no vector; stale: a document older than the newest version sent, or a vector that is not
     * the embedding of the stored document's text; duplicated: more than one vector document for the id.
     */
    @SuppressWarnings("unchecked")
    private static Figures figures(Map<Long, Long> newest) throws Exception {
        List<Long> lost = new ArrayList<>();
        List<Long> duplicated = new ArrayList<>();
        List<Long> stale = new ArrayList<>();
        try (ElasticsearchClient es = ElasticsearchClients.create(TestElasticsearch.url());
             OnnxSentenceEmbedder embedder = OnnxSentenceEmbedder.allMiniLmL6V2()) {
            ElasticsearchVectorIndexSpec spec = ElasticsearchVectorIndexSpec.of("candidates", embedder.dimension(),
                    Metric.INNER_PRODUCT);
            VectorStore vectors = ElasticsearchVectorStore.open(es, spec);
            List<String> ids = newest.keySet().stream().sorted().map(String::valueOf).toList();
            for (MultiGetResponseItem<Map> item : es.mget(m -> m.index("candidates").ids(ids), Map.class).docs()) {
                long id = Long.parseLong(item.result().id());
                var vector = vectors.vector(id);
                if (!item.result().found() || vector.isEmpty()) {
                    lost.add(id);
                    continue;
                }
                float[] expected = embedder.embed(DocumentIndexer.embeddingText(SearchIndex.CANDIDATES, id,
                        (Map<String, ?>) item.result().source()));
                if (item.result().version() < BASE.plusSeconds(60L * newest.get(id)).toEpochMilli()
                        || cosine(expected, vector.get()) < 0.9999) {
                    stale.add(id);
                }
                long copies = es.count(c -> c.index(spec.index())
                        .query(q -> q.term(t -> t.field("id").value(id)))).count();
                if (copies > 1) {
                    duplicated.add(id);
                }
            }
        }
        return new Figures(lost, duplicated, stale);
    }

    private static double cosine(float[] x, float[] y) {
        double dot = 0;
        double nx = 0;
        double ny = 0;
        for (int i = 0; i < x.length; i++) {
            dot += x[i] * y[i];
            nx += x[i] * x[i];
            ny += y[i] * y[i];
        }
        return dot / Math.sqrt(nx * ny);
    }

    /** As bin/run starts the worker, with its vectors in Elasticsearch, on this test's queue. */
    private static JarProcess worker(String queue, String name) throws Exception {
        return JarProcess.start("worker", List.of("-Xmx512m"), List.of(
                "--hybridmatch.elasticsearch.url=" + TestElasticsearch.url(),
                "--hybridmatch.vector-store=elasticsearch",
                "--hybridmatch.worker.queue=" + queue,
                "--hybridmatch.worker.hostname=" + name + "-" + queue + "@localhost",
                "--hybridmatch.worker.result-backend=" + RESULTS));
    }

    /** The task queue and what the workers declared beside it (delay steps, dead letters): {@code <queue>.*}. */
    private static void deleteQueues(String queue) throws Exception {
        Process list = new ProcessBuilder("rabbitmqctl", "list_queues", "-q", "name").redirectErrorStream(true).start();
        List<String> names = new String(list.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(name -> name.equals(queue) || name.startsWith(queue + ".")).toList();
        list.waitFor();
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        try (Connection connection = factory.newConnection("replicas-cleanup"); Channel channel = connection.createChannel()) {
            for (String name : names) {
                channel.queueDelete(name);
            }
            channel.exchangeDelete(queue);
        }
    }
}

package io.hybridmatch.worker.faults;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import io.hybridmatch.celery.worker.CeleryTestClient;
import io.hybridmatch.celery.worker.DeadLetters;
import io.hybridmatch.celery.worker.DelayQueues;
import io.hybridmatch.celery.worker.boot.WorkerProperties;
import io.hybridmatch.elasticsearch.local.LocalElasticsearch;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchOptions;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.http.HttpVectorStores;
import io.hybridmatch.worker.TestEngine;
import io.hybridmatch.worker.WorkerApplication;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * What the fault tests run for real, on loopback: an Elasticsearch node with a data directory that outlives its
 * restarts, the matching engine (FAISS files in a directory that outlives its restarts) on a fixed free port, a
 * Redis of their own, and indexing workers with the production configuration but a shortened back-off
 * ({@code hybridmatch.indexing.retry.*}: 200 ms doubling to 2 s) and the production retry horizon (a day), which
 * every outage of these tests, the 13-minute one included, stays within.
 */
final class FaultRig implements AutoCloseable {

    private static FaultRig shared;

    /** One rig per test JVM, shared by the fault test classes and stopped at JVM exit. */
    static synchronized FaultRig shared() throws IOException, InterruptedException {
        if (shared == null) {
            FaultRig rig = new FaultRig();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    rig.close();
                } catch (Exception e) {
                    System.err.println("fault rig: " + e);
                }
            }));
            shared = rig;
        }
        return shared;
    }

    private static final String WORKER_KEY = "outage-worker-" + UUID.randomUUID();

    final int esPort = TestSocketUtils.findAvailableTcpPort();
    final int enginePort = TestSocketUtils.findAvailableTcpPort();
    final Path esDir;
    final Path engineDir;
    final OwnRedis redis;
    private LocalElasticsearch es;
    private ConfigurableApplicationContext engine;
    private final ElasticsearchClient esClient;
    private final VectorStore vectors;

    FaultRig() throws IOException, InterruptedException {
        esDir = Files.createTempDirectory("outage-es");
        engineDir = Files.createTempDirectory("outage-engine");
        redis = new OwnRedis(TestSocketUtils.findAvailableTcpPort());
        startElasticsearch();
        startEngine();
        esClient = ElasticsearchClients.create(esUrl());
        vectors = HttpVectorStores.connect(engineUrl(), List.of("candidates"), WORKER_KEY).find("candidates").orElseThrow();
    }

    URI esUrl() {
        return URI.create("http://127.0.0.1:" + esPort);
    }

    URI engineUrl() {
        return URI.create("http://127.0.0.1:" + enginePort);
    }

    void startElasticsearch() throws IOException {
        es = LocalElasticsearch.start(LocalElasticsearchOptions.persistent(esPort, esDir)
                .withStartTimeout(Duration.ofMinutes(4)));
    }

    void stopElasticsearch() {
        es.close();
    }

    void startEngine() {
        engine = TestEngine.start(enginePort, engineDir, esUrl(), WORKER_KEY);
    }

    void stopEngine() {
        engine.close();
    }

    /** A worker on a queue of its own of the broker on {@code rabbitPort}, results in the rig's Redis. */
    Worker worker(int rabbitPort) {
        return worker(rabbitPort, esUrl());
    }

    /** The same, reaching Elasticsearch at {@code es} (e.g. through a proxy), and other {@code name=value} settings. */
    Worker worker(int rabbitPort, URI es, String... more) {
        String queue = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", 0);
        properties.put("spring.rabbitmq.port", rabbitPort);
        properties.put("hybridmatch.worker.queue", queue);
        properties.put("hybridmatch.worker.hostname", queue + "@localhost");
        properties.put("hybridmatch.worker.result-backend", redis.url());
        properties.put("hybridmatch.elasticsearch.url", es);
        properties.put("hybridmatch.engine.url", engineUrl());
        properties.put("hybridmatch.engine.api-key", WORKER_KEY);
        properties.put("hybridmatch.indexing.retry.initial-delay", "200ms");
        properties.put("hybridmatch.indexing.retry.max-delay", "2s");
        for (String setting : more) {
            String[] nameValue = setting.split("=", 2);
            properties.put(nameValue[0], nameValue[1]);
        }
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(WorkerApplication.class)
                .properties(WorkerApplication.CONFIG_NAME).run(args);
        return new Worker(context, new CeleryTestClient(rabbitPort, redis.url(), queue));
    }

    /** A running worker and the Django-side client that feeds it. */
    record Worker(ConfigurableApplicationContext context, CeleryTestClient client) implements AutoCloseable {

        /** Task runs that ended in success, as the worker counts them (more than pushed = redeliveries). */
        long succeededRuns() {
            return Math.round(context.getBean(MeterRegistry.class).find("hybridmatch.celery.tasks")
                    .tag("outcome", "succeeded").counters().stream().mapToDouble(c -> c.count()).sum());
        }

        @Override
        public void close() {
            AmqpAdmin admin = context.getBean(AmqpAdmin.class);
            WorkerProperties properties = context.getBean(WorkerProperties.class);
            context.getBean(DelayQueues.class).declarables().forEach(q -> admin.deleteQueue(((Queue) q).getName()));
            admin.deleteQueue(properties.queue());
            admin.deleteQueue(DeadLetters.queueFor(properties.queue()));
            admin.deleteExchange(properties.queue());
            context.close();
            client.close();
        }
    }

    /** A candidate as Django serialises it. */
    static Map<String, Object> candidate(long id, Instant updatedAt, String headline) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("candidate_id", id);
        c.put("headline", headline);
        c.put("summary", "Backend developer, Spring Boot and Kafka microservices, profile " + id);
        c.put("skills", List.of("Java", "Spring Boot", "Kafka"));
        c.put("location", "Paris");
        c.put("updated_at", updatedAt.toString());
        return c;
    }

    /**
     * The figures of one fault: {@code expected} maps each candidate id to the newest {@code updated_at} pushed for
     * it, {@code runsBefore} the worker's {@link Worker#succeededRuns()} before the fault; lost = an id whose Elasticsearch document is missing or older than that, or whose vector is missing.
     */
    FaultFigures figures(String fault, Worker worker, long runsBefore, List<String> taskIds, Map<Long, Instant> expected,
                         Duration wait) throws IOException, InterruptedException {
        Map<String, JsonNode> results = worker.client().awaitFinal(taskIds, wait);
        long acknowledged = results.values().stream().filter(r -> r.get("status").asString().equals("SUCCESS")).count();
        long answeredStale = results.values().stream().filter(r -> r.at("/result/status").asString().equals("stale")).count();
        List<Long> lost = new ArrayList<>();
        List<Long> older = new ArrayList<>();
        List<String> ids = expected.keySet().stream().map(String::valueOf).toList();
        MgetResponse<Map> docs = esClient.mget(m -> m.index("candidates").ids(ids), Map.class);
        for (var doc : docs.docs()) {
            long id = Long.parseLong(doc.result().id());
            if (!doc.result().found() || !vectors.contains(id)) {
                lost.add(id);
            } else if (doc.result().version() < expected.get(id).toEpochMilli()) {
                older.add(id);
            }
        }
        return new FaultFigures(fault, taskIds.size(), acknowledged, lost, worker.succeededRuns() - runsBefore - acknowledged,
                older, answeredStale);
    }

    @Override
    public void close() throws Exception {
        esClient.close();
        engine.close();
        es.close();
        redis.close();
        FileSystemUtils.deleteRecursively(esDir);
        FileSystemUtils.deleteRecursively(engineDir);
    }
}

package io.hybridmatch.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.celery.worker.CeleryTestClient;
import io.hybridmatch.celery.worker.OwnRabbitMq;
import io.hybridmatch.worker.faults.FaultRig.Worker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Infrastructure going away while the worker indexes, every part real (Elasticsearch node, engine with FAISS,
 * RabbitMQ, Redis, the production worker with a shortened back-off): nothing pushed is lost, no valid profile ends
 * FAILURE, and updates that come back late never undo newer ones. Each fault prints its figures.
 *
 * <p>Short form by default (CI); {@code -Dfaults.profiles=300 -Dfaults.outage=PT13M} (profile {@code reliability})
 * replays the reported 13-minute Elasticsearch outage with 300 profiles.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InfrastructureFaultsIT {

    static final int PROFILES = Integer.getInteger("faults.profiles", 60);
    /** Longer than the old 10 retries at the test back-off (200 ms doubling to 2 s: about 15 s). */
    static final Duration OUTAGE = Duration.parse(System.getProperty("faults.outage", "PT20S"));
    /** How long the engine, Redis are down. */
    static final Duration DOWN = Duration.parse(System.getProperty("faults.down", "PT10S"));
    static final Duration WAIT = Duration.ofMinutes(4);
    static final Instant OLDER = Instant.parse("2026-06-01T08:00:00Z");
    static final Instant NEWER = OLDER.plus(Duration.ofHours(1));

    static FaultRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = FaultRig.shared();
    }

    /** A batch of profiles for one fault: ids of its own, the tasks sent and the newest version per id. */
    static final class Load {
        final long base = ThreadLocalRandom.current().nextLong(1, 1_000_000) * 1_000;
        final List<String> tasks = new ArrayList<>();
        final Map<Long, Instant> expected = new LinkedHashMap<>();
        private final CeleryTestClient client;

        Load(Worker worker) {
            this.client = worker.client();
        }

        List<String> push(int from, int to, Instant updatedAt, String headline) throws InterruptedException {
            List<String> sent = new ArrayList<>();
            for (int i = from; i < to; i++) {
                sent.add(client.send("hybridmatch.index_candidate", List.of(FaultRig.candidate(base + i, updatedAt, headline))));
                expected.merge(base + i, updatedAt, (a, b) -> a.isAfter(b) ? a : b);
            }
            tasks.addAll(sent);
            return sent;
        }

        void awaitDone(List<String> sent) throws InterruptedException {
            assertThat(client.awaitFinal(sent, WAIT)).hasSize(sent.size())
                    .allSatisfy((id, r) -> assertThat(r.get("status").asString()).isEqualTo("SUCCESS"));
        }
    }

    static void assertNothingLost(FaultFigures f, long stale) {
        assertNothingLost(f, stale, stale);
    }

    /** {@code minStale}..{@code maxStale}: how many updates may be answered {@code stale}, depending on replay order. */
    static void assertNothingLost(FaultFigures f, long minStale, long maxStale) {
        assertThat(f.lost()).as("ids lost").isEmpty();
        assertThat(f.stale()).as("ids left at an older version").isEmpty();
        assertThat(f.acknowledged()).as("every task ends SUCCESS").isEqualTo(f.pushed());
        assertThat(f.answeredStale()).as("late older updates refused").isBetween(minStale, maxStale);
    }

    @Test
    @Order(1)
    void elasticsearchStoppedLongerThanTheOldRetryHorizon() throws Exception {
        try (Worker worker = rig.worker(5672)) {
            Load load = new Load(worker);
            load.awaitDone(load.push(0, 3, NEWER, "Newer profile"));
            rig.stopElasticsearch();
            long stopped = System.nanoTime();
            load.push(3, PROFILES + 3, OLDER, "Java developer");
            // older updates of already indexed profiles, parked with the rest: they must come back stale
            load.push(0, 3, OLDER, "Older profile");
            // two updates of one profile, both parked, sent in either order: they come back in whatever order their
            // jittered retries give, and the newer one must be what stays (the older answers stale if it comes last)
            int twice = PROFILES + 3;
            load.push(twice, twice + 2, NEWER, "Newer, parked");
            load.push(twice, twice + 4, OLDER, "Older, parked");
            load.push(twice + 2, twice + 4, NEWER, "Newer, parked");
            Thread.sleep(Math.max(0, OUTAGE.toMillis() - (System.nanoTime() - stopped) / 1_000_000));
            rig.startElasticsearch();
            FaultFigures f = rig.figures("Elasticsearch stopped " + OUTAGE.toSeconds() + " s (old horizon ~15 s at this back-off)",
                    worker, 0, load.tasks, load.expected, WAIT).report();
            assertNothingLost(f, 3, 3 + 4);
        }
    }

    /** What a test stops and starts again. */
    private interface Dependency {
        void stop() throws Exception;

        void start() throws Exception;
    }

    /** A quarter of the profiles indexed, {@code dependency} stopped, the rest pushed, {@link #DOWN} later started. */
    private static void downWhileIndexing(String fault, Dependency dependency) throws Exception {
        try (Worker worker = rig.worker(5672)) {
            Load load = new Load(worker);
            load.awaitDone(load.push(0, PROFILES / 4, OLDER, "Java developer"));
            dependency.stop();
            load.push(PROFILES / 4, PROFILES, OLDER, "Java developer");
            Thread.sleep(DOWN.toMillis());
            dependency.start();
            assertNothingLost(rig.figures(fault, worker, 0, load.tasks, load.expected, WAIT).report(), 0);
        }
    }

    @Test
    @Order(2)
    void engineStoppedWhileTheWorkerIndexes() throws Exception {
        downWhileIndexing("engine stopped " + DOWN.toSeconds() + " s while indexing", new Dependency() {
            @Override
            public void stop() {
                rig.stopEngine();
            }

            @Override
            public void start() {
                rig.startEngine();
            }
        });
    }

    @Test
    @Order(3)
    void redisRestarted() throws Exception {
        downWhileIndexing("Redis (result backend) stopped " + DOWN.toSeconds() + " s, restarted", new Dependency() {
            @Override
            public void stop() throws InterruptedException {
                rig.redis.stop();
            }

            @Override
            public void start() throws Exception {
                rig.redis.start();
            }
        });
    }

    @Test
    @Order(4)
    void rabbitMqRestarted() throws Exception {
        try (OwnRabbitMq broker = new OwnRabbitMq(); Worker worker = rig.worker(broker.port())) {
            Load load = new Load(worker);
            load.awaitDone(load.push(0, PROFILES / 4, OLDER, "Java developer"));
            load.push(PROFILES / 4, PROFILES / 2, OLDER, "Java developer");
            broker.stop();
            Thread producer = Thread.ofVirtual().start(() -> {
                try {
                    load.push(PROFILES / 2, PROFILES, OLDER, "Java developer"); // waits for the broker, as a producer with retries
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            broker.start();
            producer.join(WAIT);
            FaultFigures f = rig.figures("RabbitMQ restarted (own node) while indexing", worker, 0, load.tasks,
                    load.expected, WAIT).report();
            assertNothingLost(f, 0);
        }
    }
}

package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Worker lifecycle against Python Celery 5.2 and the real broker: events for monitors, revoke by remote control,
 * graceful shutdown (the running task finishes, unstarted ones go back to the queue for the next worker), and
 * recovery after a restart of the test's own broker.
 */
class WorkerLifecycleIT {

    static final String BACKEND = "redis://127.0.0.1:6379/0";

    private static ConfigurableApplicationContext worker(String queue, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of(
                "--hybridmatch.worker.queue=" + queue,
                "--hybridmatch.worker.result-backend=" + BACKEND,
                "--hybridmatch.worker.hostname=java-" + queue + "@test", "--server.port=0"));
        args.addAll(List.of(extra));
        return new SpringApplicationBuilder(TestWorkerApplication.class, TestTasks.class).run(args.toArray(String[]::new));
    }

    @Test
    void monitorsSeeTaskAndWorkerEventsAndRevokeIsHonoured() throws Exception {
        String queue = WorkerTestProperties.newQueue();
        try (ConfigurableApplicationContext ignored = worker(queue, "--hybridmatch.worker.send-events=true",
                "--hybridmatch.worker.heartbeat=1s")) {
            JsonNode events = PythonCelery.run("events", BACKEND, queue);
            assertThat(events.at("/value/value").asLong()).isEqualTo(8);
            assertThat(events.at("/types").valueStream().map(JsonNode::asString).toList())
                    .contains("worker-heartbeat", "task-received", "task-started", "task-succeeded");
            assertThat(events.at("/hostnames").valueStream().map(JsonNode::asString).toList())
                    .contains("java-" + queue + "@test");

            JsonNode revoke = PythonCelery.run("revoke", BACKEND, queue);
            assertThat(revoke.at("/revoked/state").asString()).isEqualTo("REVOKED");
            assertThat(revoke.at("/revoked/type").asString()).isEqualTo("TaskRevokedError");
            assertThat(revoke.at("/other/value").asLong()).isEqualTo(4);
        }
    }

    @Test
    void shutdownLetsTheRunningTaskFinishAndReturnsTheOthersToTheQueue() throws Exception {
        String queue = WorkerTestProperties.newQueue();
        JsonNode sent;
        ListAppender<ILoggingEvent> shutdownLog = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        try (ConfigurableApplicationContext first = worker(queue, "--hybridmatch.worker.concurrency=1",
                "--hybridmatch.worker.prefetch=4", "--test.keep-queues=true")) {
            sent = PythonCelery.run("send_batch", BACKEND, queue);
            TimeUnit.MILLISECONDS.sleep(1_000); // the 3 s task is running, the three others are prefetched
            shutdownLog.start();
            root.addAppender(shutdownLog);
        } finally {
            root.detachAppender(shutdownLog);
        }
        // the prefetched messages go back without a line each (those printed the task's arguments)
        assertThat(shutdownLog.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("Warm shutdown"))
                .noneMatch(line -> line.contains("argsrepr") || line.contains("Rejecting received message"));
        String ids = String.join(",", sent.at("/ids").valueStream().map(JsonNode::asString).toList());
        try (ConfigurableApplicationContext second = worker(queue)) {
            JsonNode results = PythonCelery.script("interop_client.py", List.of("wait_results", ids), BACKEND, queue);
            assertThat(results.at("/results").valueStream().map(r -> r.get("state").asString()).toList())
                    .containsOnly("SUCCESS");
            assertThat(results.at("/results/0/value").asString()).isEqualTo("slept");
            assertThat(results.at("/results/3/value").asLong()).isEqualTo(4);
        }
    }

    /** On a broker of its own: a restart of the shared one would disturb the tests running beside this one. */
    @Test
    void aBrokerRestartIsSurvived() throws Exception {
        String queue = WorkerTestProperties.newQueue();
        try (OwnRabbitMq broker = new OwnRabbitMq();
                ConfigurableApplicationContext ignored = worker(queue, "--spring.rabbitmq.port=" + broker.port())) {
            Map<String, String> client = Map.of("BACKEND", BACKEND, "QUEUE", queue, "BROKER", broker.url());
            assertThat(PythonCelery.script("interop_client.py", List.of("basics"), client).at("/add/value").asLong())
                    .isEqualTo(5);
            broker.stop();
            broker.start();
            // the worker reconnects, redeclares its queues and consumes again
            JsonNode after = PythonCelery.script("interop_client.py", List.of("basics"), client);
            assertThat(after.at("/add/value").asLong()).isEqualTo(5);
        }
    }
}

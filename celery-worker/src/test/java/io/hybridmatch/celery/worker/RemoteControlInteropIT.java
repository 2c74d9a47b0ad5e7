package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.celery.worker.boot.EarlyMingle;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remote control and events of the Java worker as Debian's Celery 5.2.6 command line ({@code celery status / inspect
 * / control / events --dump}), the control API and Flower's event state ({@code celery.events.state.State}) see
 * them. One worker for the class, started without {@code send-events} after a Python worker revoked a task (which the
 * Java worker learns by mingle); the last test shuts it down remotely.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemoteControlInteropIT {

    private static final String BACKEND = "redis://127.0.0.1:6379/4";
    private static final String QUEUE = "ctl-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String NODE = QUEUE + "@test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String REVOKED_BEFORE_START = "revoked-before-start-" + UUID.randomUUID();

    private static ConfigurableApplicationContext worker;
    private static Process pythonWorker;

    @BeforeAll
    static void startWorker() throws Exception {
        String pythonQueue = QUEUE + "-py";
        pythonWorker = PythonCelery.worker("interop_app", pythonQueue, Map.of("BACKEND", BACKEND, "QUEUE", pythonQueue));
        JsonNode revoked = PythonCelery.script("control_client.py",
                List.of("revoke_on_node", "py-" + pythonQueue + "@test", REVOKED_BEFORE_START), BACKEND, pythonQueue);
        assertThat(revoked.get("alive").booleanValue()).isTrue();
        // the hello sent before the context is built, as the indexing worker's main sends it
        worker = new SpringApplicationBuilder(TestWorkerApplication.class, TestTasks.class).listeners(new EarlyMingle()).run(
                "--hybridmatch.worker.queue=" + QUEUE,
                "--hybridmatch.worker.result-backend=" + BACKEND, "--hybridmatch.worker.hostname=" + NODE,
                "--hybridmatch.worker.concurrency=2", "--hybridmatch.worker.heartbeat=1s", "--server.port=0");
    }

    @AfterAll
    static void stopWorkers() throws Exception {
        if (worker != null && worker.isActive()) {
            worker.close();
        }
        if (pythonWorker != null) {
            pythonWorker.destroy();
            if (!pythonWorker.waitFor(20, TimeUnit.SECONDS)) {
                pythonWorker.destroyForcibly();
            }
            PythonCelery.script("control_client.py", List.of("delete_queue"), BACKEND, QUEUE + "-py");
        }
    }

    private static String cli(String... args) throws Exception {
        return PythonCelery.cli(List.of(args), BACKEND, QUEUE);
    }

    /** {@code celery inspect <command> --json}: this worker's reply. */
    private static JsonNode inspect(String... command) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("inspect"));
        args.addAll(List.of(command));
        args.addAll(List.of("-d", NODE, "--json", "--timeout", "5"));
        String out = cli(args.toArray(String[]::new));
        return JSON.readTree(out.lines().filter(line -> line.startsWith("{")).findFirst().orElseThrow(
                () -> new AssertionError("no JSON reply to inspect " + command[0] + ": " + out))).get(NODE);
    }

    private static JsonNode scenario(String name) throws Exception {
        return PythonCelery.script("control_client.py", List.of(name, NODE), BACKEND, QUEUE);
    }

    @Test
    @Order(1)
    void commandLineInspectsTheWorkerWithCeleryShapes() throws Exception {
        assertThat(cli("status", "-d", NODE, "--timeout", "5")).contains("->  " + NODE + ": OK", "1 node online.");
        assertThat(inspect("ping")).isEqualTo(JSON.readTree("{\"ok\": \"pong\"}"));

        JsonNode stats = inspect("stats");
        assertThat(List.copyOf(stats.propertyNames())).containsExactlyInAnyOrder("total", "pid", "clock", "uptime",
                "pool", "broker", "prefetch_count", "rusage");
        assertThat(stats.at("/pool/max-concurrency").intValue()).isEqualTo(2);
        assertThat(stats.get("clock").isString()).isTrue();

        assertThat(inspect("registered").valueStream().map(JsonNode::asString).toList())
                .contains("tests.add", "tests.sleep");
        JsonNode queues = inspect("active_queues");
        assertThat(queues).hasSize(1);
        assertThat(queues.at("/0/name").asString()).isEqualTo(QUEUE);
        assertThat(queues.at("/0/exchange/type").asString()).isEqualTo("direct");
        assertThat(queues.at("/0/routing_key").asString()).isEqualTo(QUEUE);

        JsonNode conf = inspect("conf");
        assertThat(conf.get("task_default_queue").asString()).isEqualTo(QUEUE);
        assertThat(conf.get("broker_url").asString()).contains(":********@").doesNotContain("guest@");
        assertThat(conf.get("result_backend").asString()).isEqualTo(BACKEND);

        for (String empty : List.of("active", "scheduled", "reserved")) {
            assertThat(inspect(empty).isArray()).as(empty).isTrue();
        }
        // learnt from the Python worker by mingle at start, from the hello sent before the context
        assertThat(worker.containsBean("mingleHelloSentBefore")).isTrue();
        assertThat(inspect("revoked").valueStream().map(JsonNode::asString).toList()).contains(REVOKED_BEFORE_START);
        assertThat(inspect("clock").get("clock").isNumber()).isTrue();
        assertThat(inspect("query_task", "no-such-id")).isEqualTo(JSON.readTree("{}"));
        assertThat(inspect("report").get("ok").asString()).contains("software -> hybridmatch-java-worker",
                "settings -> transport:amqp results:" + BACKEND, "task_default_queue: '" + QUEUE + "'");

        assertThat(cli("control", "heartbeat", "-d", NODE, "--timeout", "5")).contains("->  " + NODE + ": OK");
    }

    @Test
    @Order(2)
    void runningAndScheduledTasksAreListedAndARunningOneTerminatedLikeCeleryTerminatesIt() throws Exception {
        JsonNode r = scenario("running");

        JsonNode active = r.at("/active/0");
        assertThat(List.copyOf(active.propertyNames())).containsExactly("id", "name", "args", "kwargs", "type",
                "hostname", "time_start", "acknowledged", "delivery_info", "worker_pid");
        assertThat(active.get("args")).isEqualTo(JSON.readTree("[30]"));
        assertThat(active.at("/delivery_info/routing_key").asString()).isEqualTo(QUEUE);
        assertThat(r.at("/safe/0/args").asString()).isEqualTo("[30]");
        String id = active.get("id").asString();
        assertThat(r.at("/query/" + id + "/0").asString()).isEqualTo("active");
        assertThat(r.get("query").has("unknown-id")).isFalse();

        assertThat(r.at("/terminate/ok").asString()).isEqualTo("terminate: " + id);
        assertThat(r.at("/result/state").asString()).isEqualTo("REVOKED");
        assertThat(r.at("/result/type").asString()).isEqualTo("TaskRevokedError");
        assertThat(r.at("/result/message").asString()).isEqualTo("terminated");
        assertThat(r.get("after")).isEmpty();
        // a countdown task parked in the delay queues is listed until its eta, as Celery lists its timer entries
        JsonNode scheduled = r.at("/scheduled/0");
        assertThat(scheduled.get("eta").asString()).endsWith("+00:00");
        assertThat(scheduled.get("priority").intValue()).isEqualTo(6);
        assertThat(scheduled.at("/request/args")).isEqualTo(JSON.readTree("[7, 7]"));
        assertThat(scheduled.at("/request/time_start").isNull()).isTrue();
        assertThat(inspect("revoked").valueStream().map(JsonNode::asString).toList()).contains(id);
    }

    @Test
    @Order(3)
    void rateAndTimeLimitsAreSetAndAppliedAtRunTime() throws Exception {
        JsonNode r = scenario("limits");

        assertThat(r.at("/rate/ok").asString()).isEqualTo("new rate limit set successfully");
        assertThat(r.get("registered").valueStream().map(JsonNode::asString).toList())
                .contains("tests.add [rate_limit=30/m]", "tests.sleep");
        assertThat(r.get("alias")).isEqualTo(r.get("registered"));
        assertThat(r.at("/bad_unit/error").asString()).isEqualTo("KeyError('y')");
        assertThat(r.at("/bad_count/error").asString())
                .isEqualTo("Invalid rate limit string: ValueError(\"could not convert string to float: 'x'\")");
        assertThat(r.at("/unknown/error").asString()).isEqualTo("unknown task");
        assertThat(r.at("/missing/error").asString())
                .isEqualTo("TypeError(\"rate_limit() missing 1 required positional argument: 'rate_limit'\")");
        assertThat(r.at("/no_such_command/error").asString()).isEqualTo("KeyError('nosuch')");

        // 30/m: a token every 2 s, the first at once
        assertThat(r.get("limited").valueStream().map(v -> v.get("value").asLong()).toList()).containsExactly(0L, 2L, 4L);
        assertThat(r.get("limited_seconds").doubleValue()).isGreaterThanOrEqualTo(3.9);
        assertThat(r.at("/rate_off/ok").asString()).isEqualTo("rate limit disabled successfully");

        assertThat(r.at("/time/ok").asString()).isEqualTo("time limits set successfully");
        assertThat(r.at("/time_unknown/error").asString()).isEqualTo("unknown task");
        assertThat(r.at("/limited_sleep/type").asString()).isEqualTo("SoftTimeLimitExceeded");
    }

    /** The queue's consumers as the broker counts them, once they are {@code expected} (or after 10 s). */
    private static int consumersOf(String queue, int expected) throws InterruptedException {
        AmqpAdmin admin = worker.getBean(AmqpAdmin.class);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        int consumers = admin.getQueueInfo(queue).getConsumerCount();
        while (consumers != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
            consumers = admin.getQueueInfo(queue).getConsumerCount();
        }
        return consumers;
    }

    @Test
    @Order(4)
    void concurrencyAndQueuesChangeAtRunTime() throws Exception {
        JsonNode r = scenario("pool_and_queues");

        assertThat(r.at("/grow/ok").asString()).isEqualTo("pool will grow");
        assertThat(r.at("/after_grow/max-concurrency").intValue()).isEqualTo(4);
        assertThat(r.at("/shrink/ok").asString()).isEqualTo("pool will shrink");
        assertThat(r.at("/after_shrink/max-concurrency").intValue()).isEqualTo(3);
        assertThat(r.at("/shrink_all/error").asString()).isEqualTo("ValueError(\"Can't shrink pool. All processes busy!\")");
        assertThat(r.at("/autoscale/error").asString()).isEqualTo("ValueError('Autoscale not enabled')");
        assertThat(consumersOf(QUEUE, 3)).as("the broker's consumers of the queue: 2, grown by 2, shrunk by 1")
                .isEqualTo(3);

        assertThat(r.at("/add/ok").asString()).isEqualTo("add consumer " + QUEUE + "-extra");
        assertThat(r.get("queues").valueStream().map(q -> q.get("name").asString()).toList())
                .containsExactly(QUEUE, QUEUE + "-extra");
        assertThat(r.at("/on_extra/value").asLong()).isEqualTo(42);
        assertThat(r.at("/cancel/ok").asString()).isEqualTo("no longer consuming from " + QUEUE + "-extra");
        assertThat(r.get("queues_after").valueStream().map(q -> q.get("name").asString()).toList())
                .containsExactly(QUEUE);
    }

    @Test
    @Order(5)
    void workerEventsAlwaysFlowAndTaskEventsFollowEnableAndDisable() throws Exception {
        JsonNode r = scenario("events");

        assertThat(r.at("/quiet/value").asLong()).isEqualTo(2);
        assertThat(r.at("/loud/value").asLong()).isEqualTo(4);
        assertThat(r.at("/expired/state").asString()).isEqualTo("REVOKED");
        assertThat(r.at("/enable/ok").asString()).isEqualTo("task events enabled");
        assertThat(r.at("/enable_again/ok").asString()).isEqualTo("task events already enabled");
        assertThat(r.at("/disable/ok").asString()).isEqualTo("task events disabled");
        assertThat(r.get("heartbeat").isNull()).isTrue();

        assertThat(r.get("types").valueStream().map(JsonNode::asString).toList()).contains("worker-heartbeat");
        // the requested heartbeat carries only freq and the software fields, as Celery's
        JsonNode requested = r.at("/requested_heartbeats/0");
        assertThat(requested.has("sw_ident")).isTrue();
        assertThat(requested.has("active")).isFalse();
        // task events only between enable and disable: the loud task (received first, on arrival) and the expired one
        String loud = r.get("loud_id").asString();
        List<String> loudTypes = r.get("task_events").valueStream().filter(e -> e.get("uuid").asString().equals(loud))
                .map(e -> e.get("type").asString()).toList();
        assertThat(loudTypes).containsExactly("task-received", "task-started", "task-succeeded");
        JsonNode revoked = r.get("task_events").valueStream().filter(e -> e.get("type").asString().equals("task-revoked"))
                .findFirst().orElseThrow();
        assertThat(revoked.get("expired").booleanValue()).isTrue();
        assertThat(revoked.get("terminated").booleanValue()).isFalse();
        assertThat(r.get("task_events")).hasSize(loudTypes.size() + 1);

        Process dump = PythonCelery.startCli(Duration.ofSeconds(8), List.of("events", "--dump"), BACKEND, QUEUE);
        String out = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out).contains(NODE + " [", "] heartbeat: active=0", "sw_ident=hybridmatch-java-worker");
    }

    @Test
    @Order(6)
    void flowersEventStateSeesTheWorkerAliveAndItsTask() throws Exception {
        JsonNode r = scenario("flower_state");

        assertThat(r.at("/value/value").asLong()).isEqualTo(11);
        assertThat(r.get("alive").booleanValue()).isTrue();
        assertThat(r.get("heartbeats").intValue()).isPositive();
        assertThat(r.get("task_state").asString()).isEqualTo("SUCCESS");
        assertThat(r.get("task_name").asString()).isEqualTo("tests.add");
        assertThat(r.get("task_worker").asString()).isEqualTo(NODE);
    }

    @Test
    @Order(7)
    void remoteShutdownStopsTheWorker() throws Exception {
        assertThat(scenario("shutdown").get("gone").booleanValue()).isTrue();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (worker.isActive() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(worker.isActive()).isFalse();
    }
}

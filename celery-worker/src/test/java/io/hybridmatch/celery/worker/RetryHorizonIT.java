package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A task that keeps asking to be retried (its dependency is down) gives up once its retry horizon has passed: FAILURE,
 * its message dead-lettered with the reason, an ERROR line; replayed by hand once the dependency is back, it runs
 * from scratch and succeeds. A retry can carry other arguments (only the failed items of a batch).
 */
@SpringBootTest(classes = TestWorkerApplication.class)
@Import({TestTasks.class, RetryHorizonIT.Tasks.class})
@ExtendWith(OutputCaptureExtension.class)
class RetryHorizonIT {

    static final String QUEUE = "outage-" + UUID.randomUUID().toString().substring(0, 8);
    static final String DEAD_LETTERS = QUEUE + ".dead-letter";
    static final String BACKEND = "redis://127.0.0.1:6379/0";
    static final AtomicBoolean DEPENDENCY_UP = new AtomicBoolean();
    static final CeleryTestClient CLIENT = new CeleryTestClient(5672, BACKEND, QUEUE);

    @Autowired
    RabbitTemplate rabbit;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkerTestProperties.register(registry, QUEUE, BACKEND);
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Tasks {
        /** Retried every 100 ms while its dependency is down, for 2 s at most. */
        @Bean
        CeleryTaskHandler needsDependency() {
            return CeleryTaskHandler.of("tests.needs_dependency", TaskParameters.required("key"), Integer.MAX_VALUE,
                    Duration.ofSeconds(2), call -> {
                        if (!DEPENDENCY_UP.get()) {
                            throw new RetryTask(Duration.ofMillis(100), new IllegalStateException("dependency down"));
                        }
                        return Map.of("key", call.argument("key"), "retries", call.retries());
                    });
        }

        /** The first attempt fails for the even items only: the retry carries just those. */
        @Bean
        CeleryTaskHandler batch() {
            return CeleryTaskHandler.of("tests.batch", TaskParameters.required("items"), 5, call -> {
                List<?> items = (List<?>) call.argument("items");
                if (call.retries() == 0) {
                    List<Object> failed = items.stream().filter(i -> ((Number) i).intValue() % 2 == 0).map(Object.class::cast).toList();
                    throw new RetryTask(Duration.ofMillis(50), new IllegalStateException("2 items failed"), List.of(failed));
                }
                return items;
            });
        }
    }

    @AfterAll
    static void close() {
        CLIENT.close();
    }

    @Test
    void aTaskPastItsHorizonIsDeadLetteredLoggedAndReplayedByHand(CapturedOutput output) throws Exception {
        DEPENDENCY_UP.set(false);
        String id = CLIENT.send("tests.needs_dependency", List.of("k1"));
        JsonNode failed = CLIENT.awaitFinal(List.of(id), Duration.ofSeconds(60)).get(id);
        assertThat(failed).as("final state within 30 s").isNotNull();
        assertThat(failed.get("status").asString()).isEqualTo("FAILURE");
        assertThat(failed.at("/result/exc_message/0").asString()).isEqualTo("dependency down");

        Message dead = rabbit.receive(DEAD_LETTERS, 10_000);
        assertThat(dead).isNotNull();
        Map<String, Object> headers = dead.getMessageProperties().getHeaders();
        assertThat(headers.get(DeadLetters.REASON)).isEqualTo(TaskExecution.RETRIES_EXHAUSTED);
        assertThat((String) headers.get(DeadLetters.DETAIL)).startsWith("gave up after ").contains("dependency down");
        assertThat(((Number) headers.get("retries")).intValue()).as("retried every ~100 ms for 2 s").isGreaterThan(5);
        assertThat(output.getAll()).contains("ERROR").contains("tests.needs_dependency[" + id + "] gave up after");
        rabbit.send("", DEAD_LETTERS, dead); // back where it was, for the replay

        DEPENDENCY_UP.set(true);
        CLIENT.forget(id);
        ConnectionFactory factory = new ConnectionFactory();
        factory.setPort(5672);
        try (Connection connection = factory.newConnection()) {
            DeadLetterReplay.Outcome outcome = new DeadLetterReplay(connection.createChannel())
                    .replay(DEAD_LETTERS, TaskExecution.RETRIES_EXHAUSTED);
            assertThat(outcome).isEqualTo(new DeadLetterReplay.Outcome(1, 0));
        }
        JsonNode replayed = CLIENT.awaitFinal(List.of(id), Duration.ofSeconds(60)).get(id);
        assertThat(replayed.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(replayed.at("/result/retries").asInt()).as("starts again from its first attempt").isZero();
    }

    @Test
    void aRetryCanCarryOnlyTheFailedItems() throws Exception {
        String id = CLIENT.send("tests.batch", List.of(List.of(1, 2, 3, 4)));
        JsonNode done = CLIENT.awaitFinal(List.of(id), Duration.ofSeconds(60)).get(id);
        assertThat(done.get("status").asString()).isEqualTo("SUCCESS");
        assertThat(done.get("result").valueStream().map(JsonNode::asInt).toList()).containsExactly(2, 4);
    }
}

package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The Redis result backend (celery-task-meta-<id>), plus link callbacks and poison messages. */
class RedisInteropIT extends InteropIT {
    static final String QUEUE = WorkerTestProperties.newQueue();
    static final String BACKEND = "redis://127.0.0.1:6379/0";

    @Autowired
    RabbitTemplate rabbit;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        WorkerTestProperties.register(registry, QUEUE, BACKEND);
    }

    @Override
    String backend() {
        return BACKEND;
    }

    @Override
    String queue() {
        return QUEUE;
    }

    @Test
    void linkCallbacksRunWithTheParentResult() throws Exception {
        JsonNode r = python("link");
        assertThat(r.at("/parent/value").asLong()).isEqualTo(5);
        assertThat(r.at("/callback/value").asLong()).isEqualTo(15);
    }

    @Test
    void poisonMessagesAreDeadLetteredWithAReasonAndTheNextOneRuns() throws Exception {
        JsonNode r = python("poison");
        assertThat(r.at("/good/value").asLong()).isEqualTo(42);
        assertThat(r.at("/arity/type").asString()).isEqualTo("TypeError");
        assertThat(r.at("/arity/message").asString()).isEqualTo("add() takes 2 positional arguments but 3 were given");
        assertThat(r.at("/unknown/type").asString()).isEqualTo("NotRegistered");

        // the task of another test that gave up retrying may be there too
        List<String> reasons = new ArrayList<>();
        for (int i = 0; i < 7 && reasons.size() < 6; i++) {
            Message m = rabbit.receive(QUEUE + ".dead-letter", reasons.size() < 5 ? 20_000 : 500);
            String reason = m == null ? null : (String) m.getMessageProperties().getHeaders().get(DeadLetters.REASON);
            if (reason == null && reasons.size() >= 5) {
                break;
            }
            if (!TaskExecution.RETRIES_EXHAUSTED.equals(reason)) {
                reasons.add(reason);
            }
        }
        assertThat(reasons).containsExactlyInAnyOrder("UNSUPPORTED_CONTENT_TYPE", "MALFORMED_JSON",
                "INVALID_ARGUMENTS", "UNKNOWN_TASK", "BODY_TOO_LARGE");
    }
}

package io.hybridmatch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.celery.worker.CeleryTaskHandler;
import io.hybridmatch.worker.tasks.IndexingTaskHandlers;
import io.hybridmatch.worker.tasks.InfrastructureRetry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The worker's indexing tasks are exactly the ones in contracts/tasks, with the same parameters and required ones. */
class TaskContractsTest {

    @Test
    void indexingTasksMatchTheirSchemas() throws Exception {
        List<CeleryTaskHandler> handlers = new IndexingTaskHandlers(null,
                new InfrastructureRetry(Duration.ofSeconds(1), Duration.ofMinutes(10), 0.5, Duration.ofDays(1)),
                Clock.systemUTC(), new SimpleMeterRegistry(), 64, Duration.ofMillis(3), 2).all();
        assertThat(handlers).hasSize(6);
        for (CeleryTaskHandler handler : handlers) {
            JsonNode schema;
            try (InputStream in = getClass().getResourceAsStream("/contracts/tasks/" + handler.name() + ".schema.json")) {
                assertThat(in).as("schema of %s", handler.name()).isNotNull();
                schema = JsonMapper.builder().build().readTree(in);
            }
            assertThat(handler.parameters().names())
                    .containsExactlyElementsOf(schema.get("x-parameters").valueStream().map(JsonNode::asString).toList());
            assertThat(handler.parameters().names().subList(0, handler.parameters().required()))
                    .containsExactlyElementsOf(schema.get("required").valueStream().map(JsonNode::asString).toList());
        }
    }
}

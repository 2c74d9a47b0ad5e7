package io.hybridmatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import io.hybridmatch.celery.AmqpProperties;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskMessageDecoder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The task messages Celery 5.2 really publishes for each task (recorded by contracts/python/record_task_samples.py)
 * decode as the worker decodes them and their arguments satisfy the task schemas; the schemas refuse bad payloads.
 */
class TaskContractTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** With format assertions: a date-time that is not one is an error, as the worker treats it. */
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    static final List<String> TASKS = List.of("hybridmatch.index_candidate", "hybridmatch.index_job_offer",
            "hybridmatch.delete_candidate", "hybridmatch.delete_job_offer", "hybridmatch.index_candidates",
            "hybridmatch.index_job_offers");

    static Schema schema(String task) {
        return SCHEMAS.getSchema(SchemaLocation.of("classpath:contracts/tasks/" + task + ".schema.json"));
    }

    static JsonNode samples() throws Exception {
        try (InputStream in = TaskContractTest.class.getResourceAsStream("/contracts/samples/tasks.celery-5.2.6.json")) {
            return JSON.readTree(in);
        }
    }

    static Stream<JsonNode> recorded() throws Exception {
        return samples().valueStream();
    }

    /** Celery's args and kwargs bound to the schema's parameter names, as the worker binds them. */
    static ObjectNode arguments(TaskMessage message) {
        JsonNode parameters = schema(message.task()).getSchemaNode().get("x-parameters");
        ObjectNode bound = JSON.createObjectNode();
        for (int i = 0; i < message.args().size(); i++) {
            String name = i < parameters.size() ? parameters.get(i).asString() : "positional argument " + i;
            bound.set(name, JSON.valueToTree(message.args().get(i)));
        }
        message.kwargs().forEach((name, value) -> bound.set(name, JSON.valueToTree(value)));
        return bound;
    }

    static TaskMessage decode(JsonNode sample) throws Exception {
        JsonNode p = sample.get("properties");
        AmqpProperties properties = new AmqpProperties(p.get("content_type").asString(), p.get("content_encoding").asString(),
                p.get("correlation_id").asString(), p.get("reply_to").asString(), p.get("priority").asInt(),
                p.get("delivery_mode").asInt(), null);
        Map<String, Object> headers = JSON.convertValue(sample.get("headers"), Map.class);
        return new TaskMessageDecoder().decode(properties, headers, sample.get("body").asString().getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @MethodSource("recorded")
    void recordedMessagesSatisfyTheirTaskSchema(JsonNode sample) throws Exception {
        TaskMessage message = decode(sample);
        List<Error> errors = schema(message.task()).validate(arguments(message));
        assertThat(errors).as("%s %s", message.task(), arguments(message)).isEmpty();
    }

    @Test
    void everyTaskHasASchemaAndARecordedSample() throws Exception {
        List<String> recordedTasks = recorded().map(s -> s.get("headers").get("task").asString()).distinct().toList();
        assertThat(recordedTasks).containsExactlyInAnyOrderElementsOf(TASKS);
        TASKS.forEach(task -> assertThat(schema(task).getSchemaNode().get("x-parameters").isArray()).isTrue());
    }

    @Test
    void theSchemasRefuseWhatTheWorkerWouldRefuse() throws Exception {
        TaskMessage message = decode(samples().get(0));
        ObjectNode noDate = arguments(message);
        ((ObjectNode) noDate.get("candidate")).remove("updated_at");
        assertThat(schema("hybridmatch.index_candidate").validate(noDate)).extracting(Error::getMessage)
                .anyMatch(m -> m.contains("updated_at"));

        ObjectNode textId = arguments(message);
        ((ObjectNode) textId.get("candidate")).put("candidate_id", "abc");
        assertThat(schema("hybridmatch.index_candidate").validate(textId)).isNotEmpty();

        ObjectNode extra = arguments(message);
        extra.put("positional argument 1", 2);
        assertThat(schema("hybridmatch.index_candidate").validate(extra)).as("wrong arity").isNotEmpty();

        ObjectNode delete = JSON.createObjectNode().put("candidate_id", 42).put("deleted_at", "yesterday");
        assertThat(schema("hybridmatch.delete_candidate").validate(delete)).as("format date-time is asserted").isNotEmpty();
    }
}

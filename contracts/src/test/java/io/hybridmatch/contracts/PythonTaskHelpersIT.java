package io.hybridmatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import io.hybridmatch.celery.TaskMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The Python helper ({@code python/hybridmatch_client/tasks.py}) run now by Debian's Celery 5.2 against the real
 * RabbitMQ: what it publishes satisfies the task schemas and carries the same tasks and arguments as the committed
 * samples, so a change to the helper that breaks the contract fails here rather than in Django.
 */
class PythonTaskHelpersIT {

    static final Path PYTHON = Path.of("/usr/bin/python3");
    static JsonNode published;

    @BeforeAll
    static void publishThroughTheHelper() throws Exception {
        Path stdout = Files.createTempFile("task-samples", ".json");
        Process process = new ProcessBuilder(PYTHON.toString(), "python/record_task_samples.py")
                .redirectOutput(stdout.toFile()).redirectErrorStream(false)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("recording finished").isTrue();
        assertThat(process.exitValue()).as("record_task_samples.py exit code").isZero();
        published = TaskContractTest.JSON.readTree(Files.readString(stdout, StandardCharsets.UTF_8));
        Files.delete(stdout);
    }

    @Test
    void everyPublishedMessageSatisfiesItsTaskSchema() throws Exception {
        assertThat(published.size()).isEqualTo(TaskContractTest.samples().size());
        for (JsonNode sample : published) {
            TaskMessage message = TaskContractTest.decode(sample);
            List<Error> errors = TaskContractTest.schema(message.task()).validate(TaskContractTest.arguments(message));
            assertThat(errors).as("%s %s", message.task(), TaskContractTest.arguments(message)).isEmpty();
        }
    }

    @Test
    void theHelperStillPublishesWhatTheCommittedSamplesRecord() throws Exception {
        JsonNode committed = TaskContractTest.samples();
        for (int i = 0; i < committed.size(); i++) {
            TaskMessage now = TaskContractTest.decode(published.get(i));
            TaskMessage then = TaskContractTest.decode(committed.get(i));
            assertThat(now.task()).isEqualTo(then.task());
            assertThat(TaskContractTest.arguments(now)).isEqualTo(TaskContractTest.arguments(then));
            assertThat(published.get(i).get("properties").get("content_type"))
                    .isEqualTo(committed.get(i).get("properties").get("content_type"));
        }
    }
}

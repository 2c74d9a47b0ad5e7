package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Python's Celery 5.2 (Debian) sends tasks to the Java worker over the real RabbitMQ and reads the results with
 * {@code AsyncResult.get()} through the backend each subclass configures. Each class uses its own queue.
 */
@SpringBootTest(classes = TestWorkerApplication.class)
@ExtendWith(OutputCaptureExtension.class)
@Import(TestTasks.class)
abstract class InteropIT {

    abstract String backend();

    abstract String queue();

    JsonNode python(String scenario) throws Exception {
        return PythonCelery.run(scenario, backend(), queue());
    }

    @Test
    void resultsFailuresRetriesAndTimeLimitsReachPython(CapturedOutput log) throws Exception {
        JsonNode r = python("basics");
        assertThat(r.at("/add/value").asLong()).isEqualTo(5);
        assertThat(r.at("/kwargs/value").asDouble()).isEqualTo(3.5);
        assertThat(r.at("/fail/state").asString()).isEqualTo("FAILURE");
        assertThat(r.at("/fail/type").asString()).isEqualTo("ValueError");
        assertThat(r.at("/fail/message").asString()).isEqualTo("bad profile");
        assertThat(r.at("/retry/value/attempts").asInt()).as("ran, retried twice, then succeeded").isEqualTo(3);
        assertThat(r.at("/give_up/type").asString()).as("max_retries 3 reached: the cause is raised")
                .isEqualTo("IllegalStateException");
        assertThat(r.at("/give_up/message").asString()).isEqualTo("not yet, attempt 3");
        assertThat(r.at("/time_limit/type").asString()).isEqualTo("SoftTimeLimitExceeded");
        // sent as celery.exceptions.SoftTimeLimitExceeded; Python resolved it to Celery's own class, defined in billiard
        assertThat(r.at("/time_limit/module").asString()).isEqualTo("billiard.exceptions");
        // logged as Celery's worker logs them (celery.app.trace), the failure with its stack trace
        assertThat(log.getOut()).containsPattern("Task tests.add\\[[-0-9a-f]{36}] received")
                .containsPattern("Task tests.add\\[[-0-9a-f]{36}] succeeded in [0-9.e-]+s: 5")
                .containsPattern("Task tests.flaky\\[[-0-9a-f]{36}] retry: Retry in 0s: IllegalStateException\\('not yet, attempt 0'\\)")
                .containsPattern("ERROR .* Task tests.fail\\[[-0-9a-f]{36}] raised unexpected: ValueError\\('bad profile'\\)\\R+"
                        + "java.lang.IllegalArgumentException: bad profile\\R\tat ");
    }

    @Test
    void countdownWaitsWithoutBlockingAndExpiredTasksAreRevoked() throws Exception {
        JsonNode r = python("timing");
        assertThat(r.at("/now/value").asLong()).isEqualTo(10);
        assertThat(r.at("/now_after").asDouble()).as("done before the delayed task is due, so not held behind it").isLessThan(5.0);
        assertThat(r.at("/later/value").asLong()).isEqualTo(2);
        assertThat(r.at("/later_after").asDouble()).isGreaterThanOrEqualTo(4.9);
        assertThat(r.at("/expired/type").asString()).isEqualTo("TaskRevokedError");
        assertThat(r.at("/expired/state").asString()).isEqualTo("REVOKED");
    }

    @Test
    void inspectPingAndRegisteredSeeTheJavaWorker() throws Exception {
        JsonNode r = python("control");
        String hostname = "java-" + queue() + "@test";
        assertThat(r.at("/ping").get(hostname).get("ok").asString()).isEqualTo("pong");
        assertThat(r.at("/registered").get(hostname).valueStream().map(JsonNode::asString).toList())
                .containsExactly("tests.add", "tests.fail", "tests.flaky", "tests.progress", "tests.sleep", "tests.tsum");
    }
}

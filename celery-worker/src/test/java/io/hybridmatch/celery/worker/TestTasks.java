package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.worker.boot.WorkerProperties;
import java.time.Duration;
import java.util.Map;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Real task handlers for the interop tests, named as a Python module of tasks would be. */
@TestConfiguration(proxyBeanMethods = false)
class TestTasks {

    @Bean
    CeleryTaskHandler add() {
        return handler("tests.add", TaskParameters.required("x", "y"), call -> {
            Number x = (Number) call.argument("x");
            Number y = (Number) call.argument("y");
            if (x instanceof Double || y instanceof Double) { // as Python: int + int stays an int
                return x.doubleValue() + y.doubleValue();
            }
            return x.longValue() + y.longValue();
        });
    }

    @Bean
    CeleryTaskHandler fail() {
        return handler("tests.fail", TaskParameters.required("message"), call -> {
            throw new IllegalArgumentException((String) call.argument("message"));
        });
    }

    /** Asks to be retried until it has been retried {@code times} times (max_retries 3). */
    @Bean
    CeleryTaskHandler flaky() {
        return CeleryTaskHandler.of("tests.flaky", TaskParameters.required("times"), 3, call -> {
            if (call.retries() < ((Number) call.argument("times")).intValue()) {
                throw new RetryTask(Duration.ofMillis(300), new IllegalStateException("not yet, attempt " + call.retries()));
            }
            return Map.of("attempts", call.retries() + 1);
        });
    }

    @Bean
    CeleryTaskHandler sleep() {
        return handler("tests.sleep", TaskParameters.required("seconds"), call -> {
            Thread.sleep(((Number) call.argument("seconds")).longValue() * 1000);
            return "slept";
        });
    }

    /** Reports PROGRESS as celery_progress's ProgressRecorder does, with STARTED tracked for this task only. */
    @Bean
    CeleryTaskHandler progress() {
        return CeleryTaskHandler.withOptions("tests.progress", TaskParameters.required("total"),
                new CeleryTaskHandler.Options(null, null, true, false), call -> {
                    int total = ((Number) call.argument("total")).intValue();
                    for (int i = 1; i <= total; i++) {
                        Thread.sleep(300);
                        call.updateState("PROGRESS", Map.of("pending", false, "current", i, "total", total,
                                "percent", 100.0 * i / total, "description", ""));
                    }
                    Thread.sleep(300);
                    return total;
                });
    }

    /** A chord body: the sum of the header's results. */
    @Bean
    CeleryTaskHandler tsum() {
        return handler("tests.tsum", TaskParameters.required("values"), call ->
                ((java.util.List<?>) call.argument("values")).stream().mapToLong(v -> ((Number) v).longValue()).sum());
    }

    /**
     * Test queues are per run: remove them with the context so the broker does not collect them (unless a test
     * hands the queue over to a second worker).
     */
    @Bean
    @ConditionalOnBooleanProperty(name = "test.keep-queues", havingValue = false, matchIfMissing = true)
    DisposableBean deleteTestQueues(AmqpAdmin admin, WorkerProperties properties, DelayQueues delays) {
        return () -> {
            delays.declarables().forEach(queue -> admin.deleteQueue(((Queue) queue).getName()));
            for (String queue : properties.queues()) {
                admin.deleteQueue(queue);
                admin.deleteQueue(DeadLetters.queueFor(queue));
                admin.deleteExchange(queue);
            }
        };
    }

    private static CeleryTaskHandler handler(String name, TaskParameters parameters, CeleryTaskHandler.Body body) {
        return CeleryTaskHandler.of(name, parameters, null, body);
    }
}

package io.hybridmatch.celery.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * {@code hybridmatch_celery_tasks_total{task,outcome}} and {@code hybridmatch_celery_task_duration_seconds{task,outcome}}.
 * Outcomes: received, succeeded, failed, retried, rejected, revoked, delayed.
 */
public final class TaskMetrics {

    private final MeterRegistry registry;

    public TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String task, String outcome) {
        Counter.builder("hybridmatch.celery.tasks").tag("task", task).tag("outcome", outcome)
                .description("Celery task messages by task name and outcome").register(registry).increment();
    }

    public void finished(String task, String outcome, Duration runtime) {
        count(task, outcome);
        Timer.builder("hybridmatch.celery.task.duration").tag("task", task).tag("outcome", outcome)
                .publishPercentileHistogram().description("Task run time").register(registry).record(runtime);
    }
}

package io.hybridmatch.celery.worker;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code hybridmatch_celery_tasks_total{task,outcome}} and {@code hybridmatch_celery_task_duration_seconds{task,outcome}}.
 * Outcomes: received, succeeded, failed, retried, rejected, revoked, delayed. Each meter is registered once and kept:
 * building its id on every task cost more than the task (a no-op) itself.
 */
public final class TaskMetrics {

    private record Key(String task, String outcome) {
    }

    private final MeterRegistry registry;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();

    public TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String task, String outcome) {
        counters.computeIfAbsent(new Key(task, outcome), key -> Counter.builder("hybridmatch.celery.tasks")
                .tag("task", key.task()).tag("outcome", key.outcome())
                .description("Celery task messages by task name and outcome").register(registry)).increment();
    }

    public void finished(String task, String outcome, Duration runtime) {
        count(task, outcome);
        timers.computeIfAbsent(new Key(task, outcome), key -> Timer.builder("hybridmatch.celery.task.duration")
                .tag("task", key.task()).tag("outcome", key.outcome()).publishPercentileHistogram()
                .description("Task run time").register(registry)).record(runtime);
    }
}

package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.EventMessages;
import io.hybridmatch.celery.OutgoingMessage;
import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.TaskMessage;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Celery's monitoring events ({@code -E}): task-received/started/succeeded/failed/retried, and worker online,
 * heartbeat every {@code heartbeat} and offline, on the {@code celeryev} exchange. Best effort, as in Celery: an
 * event that cannot be sent is logged, never fails a task.
 */
public final class WorkerEvents implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WorkerEvents.class);

    private final boolean enabled;
    private final ConfirmedPublisher publisher;
    private final WorkerState state;
    private final Duration heartbeat;
    private final EventMessages events;
    private ScheduledExecutorService scheduler;

    public WorkerEvents(boolean enabled, ConfirmedPublisher publisher, WorkerState state, Duration heartbeat) {
        this.enabled = enabled;
        this.publisher = publisher;
        this.state = state;
        this.heartbeat = heartbeat;
        this.events = new EventMessages(state.hostname(), state.pid(), "hybridmatch-java-worker", "0.1.0",
                state.clock(), Clock.systemUTC());
    }

    public void received(TaskMessage m) {
        send(e -> e.taskReceived(m));
    }

    public void started(String taskId) {
        send(e -> e.taskStarted(taskId));
    }

    public void succeeded(String taskId, Object result, Duration runtime) {
        send(e -> e.taskSucceeded(taskId, result, runtime));
    }

    public void failed(String taskId, PythonException error, String traceback) {
        send(e -> e.taskFailed(taskId, error, traceback));
    }

    public void retried(String taskId, PythonException reason, String traceback) {
        send(e -> e.taskRetried(taskId, reason, traceback));
    }

    private EventMessages.WorkerStatus status() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return new EventMessages.WorkerStatus(heartbeat, state.active().size(), state.processed(), List.of(load, load, load));
    }

    private void send(Function<EventMessages, OutgoingMessage> event) {
        if (!enabled) {
            return;
        }
        try {
            publisher.publishUnconfirmed(event.apply(events));
        } catch (RuntimeException e) {
            log.warn("event not sent: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (!enabled) {
            return;
        }
        send(e -> e.workerOnline(status()));
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("celery-heartbeat").factory());
        scheduler.scheduleAtFixedRate(() -> send(e -> e.workerHeartbeat(status())),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            send(e -> e.workerOffline(status()));
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // after the listener containers stop (they use the default phase), so offline comes last
        return Integer.MAX_VALUE - 100;
    }
}

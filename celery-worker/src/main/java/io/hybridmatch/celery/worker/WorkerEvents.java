package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.EventMessages;
import io.hybridmatch.celery.OutgoingMessage;
import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.TaskMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Celery's monitoring events on the {@code celeryev} exchange, in Celery's two groups. The {@code worker} group
 * (online, a heartbeat every {@code heartbeat}, offline) is always sent, as a Celery worker does even without
 * {@code -E}: Flower and {@code celery events} see the worker through it. The {@code task} group
 * (received/started/succeeded/failed/retried/revoked/rejected) is sent when {@code send-events} is on or after a
 * remote {@code enable_events}, until {@code disable_events}. Best effort, as in Celery: an event that cannot be
 * sent is logged, never fails a task.
 */
public final class WorkerEvents implements SmartLifecycle {

    public static final String SOFTWARE = "hybridmatch-java-worker";
    public static final String VERSION = "0.1.0";

    private static final Logger log = LoggerFactory.getLogger(WorkerEvents.class);
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    private final AtomicBoolean taskEvents;
    private final ConfirmedPublisher publisher;
    private final WorkerState state;
    private final Duration heartbeat;
    private final EventMessages events;
    private ScheduledExecutorService scheduler;

    @SuppressWarnings("JavaTimeDefaultTimeZone") // the system zone on purpose, see below
    public WorkerEvents(boolean taskEvents, ConfirmedPublisher publisher, WorkerState state, Duration heartbeat) {
        this.taskEvents = new AtomicBoolean(taskEvents);
        this.publisher = publisher;
        this.state = state;
        this.heartbeat = heartbeat;
        // the system zone: monitors correct timestamps by utcoffset against their own
        this.events = new EventMessages(state.hostname(), state.pid(), SOFTWARE, VERSION,
                state.clock(), Clock.systemDefaultZone());
    }

    /** Remote {@code enable_events}: true if task events were off. */
    public boolean enableTaskEvents() {
        return taskEvents.compareAndSet(false, true);
    }

    /** Remote {@code disable_events}: true if task events were on. */
    public boolean disableTaskEvents() {
        return taskEvents.compareAndSet(true, false);
    }

    /** Remote {@code heartbeat}: one worker-heartbeat now. */
    public void heartbeatNow() {
        send(EventMessages::workerHeartbeatRequested);
    }

    public void received(TaskMessage m) {
        sendTask(e -> e.taskReceived(m));
    }

    public void started(String taskId) {
        sendTask(e -> e.taskStarted(taskId));
    }

    public void succeeded(String taskId, Object result, Duration runtime) {
        sendTask(e -> e.taskSucceeded(taskId, result, runtime));
    }

    public void failed(String taskId, PythonException error, String traceback) {
        sendTask(e -> e.taskFailed(taskId, error, traceback));
    }

    public void retried(String taskId, PythonException reason, String traceback) {
        sendTask(e -> e.taskRetried(taskId, reason, traceback));
    }

    public void revoked(String taskId, boolean terminated, Integer signum, boolean expired) {
        sendTask(e -> e.taskRevoked(taskId, terminated, signum, expired));
    }

    public void notRegistered(String taskId, String taskName) {
        sendTask(e -> e.taskNotRegistered(taskId, taskName));
    }

    private EventMessages.WorkerStatus status() {
        return new EventMessages.WorkerStatus(heartbeat, state.active().size(), state.processed(), loadAverage());
    }

    /** celery.utils.sysinfo.load_average: the three load averages rounded up to 2 decimals. */
    private static List<Double> loadAverage() {
        try {
            return Arrays.stream(Files.readString(LOADAVG).split(" ")).limit(3)
                    .map(value -> Math.ceil(Double.parseDouble(value) * 100) / 100).toList();
        } catch (IOException | RuntimeException e) {
            double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            return List.of(load, load, load);
        }
    }

    private void sendTask(Function<EventMessages, OutgoingMessage> event) {
        if (taskEvents.get()) {
            send(event);
        }
    }

    private void send(Function<EventMessages, OutgoingMessage> event) {
        try {
            publisher.publishUnconfirmed(event.apply(events));
        } catch (RuntimeException e) {
            log.warn("event not sent: {}", e.toString());
        }
    }

    @Override
    @SuppressWarnings("FutureReturnValueIgnored") // a periodic task's future ends only with the scheduler
    public synchronized void start() {
        send(e -> e.workerOnline(status()));
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("celery-heartbeat").factory());
        scheduler.scheduleAtFixedRate(() -> send(e -> e.workerHeartbeat(status())),
                heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
            send(e -> e.workerOffline(status()));
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }

    @Override
    public int getPhase() {
        // after the listener containers stop (they use the default phase), so offline comes last
        return Integer.MAX_VALUE - 100;
    }
}

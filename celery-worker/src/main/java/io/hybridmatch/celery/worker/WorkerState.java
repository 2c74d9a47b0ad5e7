package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.LamportClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What this worker is doing, for events and for {@code inspect active/reserved/scheduled/query_task/stats}: the
 * tasks running, the ones admitted but waiting here (for an eta due sooner than the shortest delay queue, or for
 * their rate limit), and the ones it parked in the delay queues until their eta (forgotten once the eta has passed,
 * since another worker may run them; at most {@value #MAX_PARKED} listed).
 */
public final class WorkerState {

    static final int MAX_PARKED = 10_000;

    private final String hostname;
    private final long pid = ProcessHandle.current().pid();
    private final Instant started = Instant.now();
    private final LamportClock clock = new LamportClock();
    private final Map<String, ControlReplies.ActiveTask> active = new ConcurrentHashMap<>();
    private final Map<String, ControlReplies.ActiveTask> waiting = new ConcurrentHashMap<>();
    private final Map<String, ControlReplies.ActiveTask> parked = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> totals = new ConcurrentHashMap<>();
    private final AtomicLong processed = new AtomicLong();

    public WorkerState(String hostname) {
        this.hostname = hostname;
    }

    public String hostname() {
        return hostname;
    }

    public long pid() {
        return pid;
    }

    public Instant started() {
        return started;
    }

    public LamportClock clock() {
        return clock;
    }

    /** An admitted task that waits before it runs ({@code started} null). */
    void hold(ControlReplies.ActiveTask task) {
        waiting.put(task.message().id(), task);
    }

    /** A task parked in the delay queues until its eta. */
    void park(ControlReplies.ActiveTask task) {
        if (parked.size() < MAX_PARKED || parked.containsKey(task.message().id())) {
            parked.put(task.message().id(), task);
        }
    }

    /** The task runs, is refused, or waits no more. */
    void release(String taskId) {
        waiting.remove(taskId);
        parked.remove(taskId);
    }

    void begin(ControlReplies.ActiveTask task) {
        active.put(task.message().id(), task);
    }

    void end(String taskId, String taskName) {
        active.remove(taskId);
        totals.computeIfAbsent(taskName, name -> new AtomicLong()).incrementAndGet();
        processed.incrementAndGet();
    }

    public List<ControlReplies.ActiveTask> active() {
        return List.copyOf(active.values());
    }

    /** Waiting for their eta, here or in the delay queues: Celery's scheduled requests. */
    public List<ControlReplies.ActiveTask> scheduled() {
        Instant now = Instant.now();
        parked.values().removeIf(task -> task.message().eta().toInstant().isBefore(now));
        return Stream.concat(waiting.values().stream().filter(task -> task.message().eta() != null),
                parked.values().stream()).toList();
    }

    /** Waiting for their rate limit: Celery's reserved requests, with the prefetched ones ({@link PrefetchedTasks}). */
    public List<ControlReplies.ActiveTask> reserved() {
        return waiting.values().stream().filter(task -> task.message().eta() == null).toList();
    }

    /** The running or waiting tasks among {@code taskIds}, for {@code query_task}. */
    public List<ControlReplies.ActiveTask> find(List<String> taskIds) {
        return taskIds.stream().map(id -> active.getOrDefault(id, waiting.get(id))).filter(Objects::nonNull).toList();
    }

    public Map<String, Long> totals() {
        Map<String, Long> copy = new TreeMap<>();
        totals.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    public long processed() {
        return processed.get();
    }
}

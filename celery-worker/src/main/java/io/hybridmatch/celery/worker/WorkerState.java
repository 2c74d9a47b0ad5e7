package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.LamportClock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** What this worker is doing, for events and for {@code inspect active/stats}. */
public final class WorkerState {

    private final String hostname;
    private final long pid = ProcessHandle.current().pid();
    private final Instant started = Instant.now();
    private final LamportClock clock = new LamportClock();
    private final Map<String, ControlReplies.ActiveTask> active = new ConcurrentHashMap<>();
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

    public Map<String, Long> totals() {
        Map<String, Long> copy = new java.util.TreeMap<>();
        totals.forEach((name, count) -> copy.put(name, count.get()));
        return copy;
    }

    public long processed() {
        return processed.get();
    }
}

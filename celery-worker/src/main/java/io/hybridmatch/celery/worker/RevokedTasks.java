package io.hybridmatch.celery.worker;

import java.time.Duration;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.function.LongSupplier;

/**
 * Task ids revoked by remote control, with the limits of Celery's own set (celery/worker/state.py
 * {@code LimitedSet(maxlen=REVOKES_MAX, expires=REVOKE_EXPIRES)}): at most 50,000 ids, each forgotten 3 hours after it
 * was revoked, oldest first. Revocation times are monotonic seconds, the clock Python's {@code time.monotonic()}
 * reads on Linux, so a Python worker merging them ({@code hello}) ages them correctly. Thread-safe.
 */
public final class RevokedTasks {

    static final int MAX = 50_000;
    static final Duration EXPIRES = Duration.ofHours(3);

    /** id → revocation time in nanoseconds of {@code monotonicNanos}, oldest first. */
    private final LinkedHashMap<String, Long> revokedAt = new LinkedHashMap<>();
    private final LongSupplier monotonicNanos;

    public RevokedTasks() {
        this(System::nanoTime);
    }

    RevokedTasks(LongSupplier monotonicNanos) {
        this.monotonicNanos = monotonicNanos;
    }

    public synchronized void revoke(Collection<String> taskIds) {
        long now = monotonicNanos.getAsLong();
        for (String id : taskIds) {
            revokedAt.remove(id); // re-revoking refreshes the entry's age, as LimitedSet.add does
            revokedAt.put(id, now);
        }
        purge(now);
    }

    public synchronized boolean isRevoked(String taskId) {
        purge(monotonicNanos.getAsLong());
        return revokedAt.containsKey(taskId);
    }

    /** For {@code inspect revoked}, oldest first. */
    public synchronized List<String> ids() {
        purge(monotonicNanos.getAsLong());
        return List.copyOf(revokedAt.keySet());
    }

    /** For {@code hello}: id → revocation time in monotonic seconds. */
    public synchronized SequencedMap<String, Double> revokedAt() {
        purge(monotonicNanos.getAsLong());
        SequencedMap<String, Double> copy = new LinkedHashMap<>();
        revokedAt.forEach((id, at) -> copy.put(id, at / 1e9));
        return copy;
    }

    private void purge(long now) {
        long oldestKept = now - EXPIRES.toNanos();
        Iterator<Map.Entry<String, Long>> oldestFirst = revokedAt.entrySet().iterator();
        while (oldestFirst.hasNext()) {
            Map.Entry<String, Long> entry = oldestFirst.next();
            if (revokedAt.size() <= MAX && entry.getValue() >= oldestKept) {
                return;
            }
            oldestFirst.remove();
        }
    }
}

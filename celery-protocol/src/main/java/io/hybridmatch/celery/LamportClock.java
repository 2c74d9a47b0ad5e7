package io.hybridmatch.celery;

/**
 * The logical clock Celery stamps on events ({@code clock} field) and remote-control messages ({@code clock}
 * header), as kombu's {@code LamportClock}: {@link #forward()} before sending, {@link #adjust(long)} with the value
 * of every clock received. Monitors order events of a worker by it. Thread-safe.
 */
public final class LamportClock {

    private long value;

    public synchronized long forward() {
        return ++value;
    }

    public synchronized long adjust(long other) {
        value = Math.max(value, other) + 1;
        return value;
    }

    public synchronized long value() {
        return value;
    }
}

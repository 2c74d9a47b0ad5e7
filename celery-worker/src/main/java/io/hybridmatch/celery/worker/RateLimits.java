package io.hybridmatch.celery.worker;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Task rate limits set by remote control ({@code celery control rate_limit tests.add 10/m}), enforced as Celery's
 * consumer does: a token bucket of capacity 1 per task name, so runs of that task start at least 1/rate apart.
 * Limits are per worker, as in Celery. Thread-safe.
 */
public final class RateLimits {

    private record Limit(String text, long intervalNanos) {
    }

    private final Map<String, Limit> limits = new TreeMap<>();
    /** Per task: when its bucket holds a token again, in System.nanoTime() terms. */
    private final Map<String, Long> nextToken = new TreeMap<>();

    /**
     * celery.utils.time.rate: {@code "n"}, {@code "n/s"}, {@code "n/m"}, {@code "n/h"} or a number → tasks per second;
     * empty, null or 0 → no limit. A bad unit raises KeyError and a bad count ValueError, as in Python.
     */
    public static double perSecond(Object rate) {
        return switch (rate) {
            case null -> 0;
            case Number n -> n.doubleValue();
            case String s when s.isEmpty() -> 0;
            case String s -> {
                int slash = s.indexOf('/');
                String unit = slash < 0 ? "s" : s.substring(slash + 1);
                double seconds = switch (unit.isEmpty() ? "s" : unit) {
                    case "s" -> 1;
                    case "m" -> 60;
                    case "h" -> 3600;
                    default -> throw ControlCommandError.raised("KeyError", unit);
                };
                yield count(slash < 0 ? s : s.substring(0, slash)) / seconds;
            }
            default -> throw ControlCommandError.raised("TypeError", "rate limit must be a string or a number");
        };
    }

    private static double count(String text) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw ControlCommandError.raised("ValueError", "could not convert string to float: '" + text + "'");
        }
    }

    /** Sets or (rate 0, empty or null) removes the limit of {@code task}. */
    public synchronized void set(String task, Object rate) {
        double perSecond = perSecond(rate);
        nextToken.remove(task);
        if (perSecond <= 0) {
            limits.remove(task);
        } else {
            limits.put(task, new Limit(String.valueOf(rate), (long) (1e9 / perSecond)));
        }
    }

    /** Task name → limit as it was given, for {@code inspect registered}. */
    public synchronized Map<String, String> texts() {
        Map<String, String> texts = new TreeMap<>();
        limits.forEach((task, limit) -> texts.put(task, limit.text()));
        return texts;
    }

    /** Waits until {@code task} may start under its limit (at once when it has none). */
    public void acquire(String task) throws InterruptedException {
        long wait = reserveToken(task);
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private synchronized long reserveToken(String task) {
        Limit limit = limits.get(task);
        if (limit == null) {
            return 0;
        }
        long now = System.nanoTime();
        long start = Math.max(now, nextToken.getOrDefault(task, now));
        nextToken.put(task, start + limit.intervalNanos());
        return start - now;
    }
}

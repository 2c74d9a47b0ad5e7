package io.hybridmatch.celery.conformance.worker;

import io.hybridmatch.celery.worker.CeleryTaskHandler;
import io.hybridmatch.celery.worker.CeleryTaskSet;
import io.hybridmatch.celery.worker.RetryTask;
import io.hybridmatch.celery.worker.TaskParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * The conformance tasks in Java: the same names and behaviour as src/test/python/conformance/tasks.py. Where the
 * runtime has no equivalent of a Python task option (track_started, update_state, ignore_result per task, a chosen
 * Python exception type) the task does what it can, and differences.yaml lists the scenario as known open.
 */
@Component
public class ConformanceTasks implements CeleryTaskSet {

    @Override
    public List<CeleryTaskHandler> tasks() {
        return List.of(
                task("conformance.add", TaskParameters.required("x", "y"),
                        call -> plus(call.argument("x"), call.argument("y"))),
                task("conformance.echo", TaskParameters.required("value"), call -> call.argument("value")),
                task("conformance.fail", new TaskParameters(List.of("exc_type", "message"), 1),
                        call -> {
                            throw failure((String) call.argument("exc_type"), (String) call.argument("message"));
                        }),
                task("conformance.sleep", TaskParameters.required("seconds"), ConformanceTasks::sleep),
                task("conformance.limited", TaskParameters.required("seconds"), ConformanceTasks::sleep),
                // Python: track_started=True (no runtime equivalent yet)
                task("conformance.tracked", TaskParameters.required("seconds"), ConformanceTasks::sleep),
                // Python: update_state('PROGRESS', {'current', 'total'}) per step (no runtime equivalent yet)
                task("conformance.progress", TaskParameters.required("steps", "interval"), call -> {
                    int steps = ((Number) call.argument("steps")).intValue();
                    Thread.sleep(millis(((Number) call.argument("interval")).doubleValue() * steps));
                    return Map.of("current", steps, "total", steps);
                }),
                CeleryTaskHandler.of("conformance.retry", new TaskParameters(List.of("times", "countdown", "with_exc"), 2),
                        2, call -> {
                            if (call.retries() < ((Number) call.argument("times")).intValue()) {
                                boolean withExc = !Boolean.FALSE.equals(call.argument("with_exc"));
                                throw new RetryTask(Duration.ofMillis(millis(((Number) call.argument("countdown")).doubleValue())),
                                        withExc ? new IllegalArgumentException("attempt " + call.retries()) : null);
                            }
                            return Map.of("attempts", call.retries() + 1);
                        }),
                // Python: ignore_result=True (no per-task equivalent yet)
                task("conformance.ignored", TaskParameters.required("value"), call -> call.argument("value")),
                task("conformance.ignored_fail", TaskParameters.required("message"), call -> {
                    throw new IllegalArgumentException((String) call.argument("message"));
                }),
                task("conformance.total", TaskParameters.required("values"), call -> {
                    Object sum = 0;
                    for (Object value : (List<?>) call.argument("values")) {
                        sum = plus(sum, value);
                    }
                    return sum;
                }));
    }

    private static CeleryTaskHandler task(String name, TaskParameters parameters, CeleryTaskHandler.Body body) {
        return CeleryTaskHandler.of(name, parameters, null, body);
    }

    /** Python's + on JSON numbers: integers stay exact whatever their size, a float makes a float. */
    static Object plus(Object x, Object y) {
        if (x instanceof Number a && y instanceof Number b) {
            if (integral(a) && integral(b)) {
                BigInteger sum = new BigInteger(a.toString()).add(new BigInteger(b.toString()));
                return sum.bitLength() < 64 ? (Object) sum.longValue() : sum;
            }
            return a.doubleValue() + b.doubleValue();
        }
        throw new IllegalArgumentException("unsupported operand types for +: " + x + " and " + y);
    }

    private static boolean integral(Number n) {
        return n instanceof Integer || n instanceof Long || n instanceof Short || n instanceof BigInteger
                || n instanceof BigDecimal d && d.scale() <= 0;
    }

    private static Object sleep(io.hybridmatch.celery.worker.TaskCall call) throws InterruptedException {
        Object seconds = call.argument("seconds");
        Thread.sleep(millis(((Number) seconds).doubleValue()));
        return seconds;
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    /** The nearest Java failure to the Python exception the task raises. */
    private static RuntimeException failure(String type, String message) {
        return switch (type) {
            case "ValueError" -> new IllegalArgumentException(message);
            case "KeyError" -> new NoSuchElementException(message);
            case "ConformanceError" -> new ConformanceError(message);
            default -> new RuntimeException(message);
        };
    }

    /** An application exception type, not a builtin: Python sees its simple name. */
    public static final class ConformanceError extends RuntimeException {
        public ConformanceError(String message) {
            super(message);
        }
    }
}

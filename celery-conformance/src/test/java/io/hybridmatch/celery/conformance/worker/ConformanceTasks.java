package io.hybridmatch.celery.conformance.worker;

import io.hybridmatch.celery.PythonError;
import io.hybridmatch.celery.worker.CeleryTaskHandler;
import io.hybridmatch.celery.worker.CeleryTaskSet;
import io.hybridmatch.celery.worker.RetryTask;
import io.hybridmatch.celery.worker.TaskParameters;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The conformance tasks in Java: the same names and behaviour as src/test/python/conformance/tasks.py, Python's task
 * options (track_started, ignore_result) as {@link CeleryTaskHandler.Options}, update_state as
 * {@code TaskCall.updateState}, builtin exceptions as {@link PythonError}.
 */
@Component
public class ConformanceTasks implements CeleryTaskSet {

    private static final CeleryTaskHandler.Options IGNORE_RESULT = new CeleryTaskHandler.Options(null, null, null, true);

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
                CeleryTaskHandler.withOptions("conformance.tracked", TaskParameters.required("seconds"),
                        new CeleryTaskHandler.Options(null, null, true, false), ConformanceTasks::sleep),
                task("conformance.progress", TaskParameters.required("steps", "interval"), call -> {
                    int steps = ((Number) call.argument("steps")).intValue();
                    for (int step = 0; step < steps; step++) {
                        call.updateState("PROGRESS", Map.of("current", step, "total", steps));
                        Thread.sleep(millis(((Number) call.argument("interval")).doubleValue()));
                    }
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
                CeleryTaskHandler.withOptions("conformance.ignored", TaskParameters.required("value"), IGNORE_RESULT,
                        call -> call.argument("value")),
                CeleryTaskHandler.withOptions("conformance.ignored_fail", TaskParameters.required("message"),
                        IGNORE_RESULT, call -> {
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
                || (n instanceof BigDecimal d && d.scale() <= 0);
    }

    private static Object sleep(io.hybridmatch.celery.worker.TaskCall call) throws InterruptedException {
        Object seconds = call.argument("seconds");
        Thread.sleep(millis(((Number) seconds).doubleValue()));
        return seconds;
    }

    private static long millis(double seconds) {
        return Math.round(seconds * 1000);
    }

    /** The Python exception the task raises: an application type, or a builtin named with PythonError. */
    private static RuntimeException failure(String type, String message) {
        if (type.equals("ConformanceError")) {
            return new ConformanceError(message);
        }
        return message == null ? new PythonError(type) : new PythonError(type, message);
    }

    /** An application exception type, not a builtin: Python sees its simple name. */
    public static final class ConformanceError extends RuntimeException {
        public ConformanceError(String message) {
            super(message);
        }
    }
}

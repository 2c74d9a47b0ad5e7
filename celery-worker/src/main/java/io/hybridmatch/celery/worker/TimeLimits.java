package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.TaskMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a task under its Celery time limits: at the first limit reached the task fails with Celery's
 * {@code SoftTimeLimitExceeded} or {@code TimeLimitExceeded} and its thread is interrupted (the Java analogue of the
 * exception raised inside a Python task). A task that ignores the interrupt keeps its thread until it ends: a JVM
 * cannot kill a thread the way Celery kills a pool process, so tasks must stop when interrupted.
 */
final class TimeLimits implements AutoCloseable {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    /** Thrown when a limit ends the task; carries the Celery exception the Python side will see. */
    static final class Exceeded extends Exception {
        private final transient PythonException python;

        Exceeded(PythonException python) {
            super(python.type() + ": " + python.message());
            this.python = python;
        }

        PythonException python() {
            return python;
        }
    }

    Object run(TaskMessage message, Callable<Object> task) throws Exception {
        Duration soft = seconds(message.softTimeLimit());
        Duration hard = seconds(message.timeLimit());
        if (soft == null && hard == null) {
            return task.call();
        }
        boolean softFirst = soft != null && (hard == null || soft.compareTo(hard) < 0);
        Duration limit = softFirst ? soft : hard;
        Future<Object> future = threads.submit(task);
        try {
            return unwrap(future, limit);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw softFirst
                    ? exceeded("SoftTimeLimitExceeded", "SoftTimeLimitExceeded()")
                    : exceeded("TimeLimitExceeded", "TimeLimitExceeded(" + python(hard) + ")");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static Object unwrap(Future<Object> future, Duration timeout) throws Exception {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static Exceeded exceeded(String type, String message) {
        return new Exceeded(new PythonException(type, "celery.exceptions", List.of(message)));
    }

    private static String python(Duration d) {
        double s = d.toMillis() / 1000.0;
        return s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s);
    }

    private static Duration seconds(Number value) {
        return value == null || value.doubleValue() <= 0 ? null : Duration.ofNanos((long) (value.doubleValue() * 1e9));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

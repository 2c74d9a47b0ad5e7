package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.TaskMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs each task where the two ways Celery stops a running task can interrupt it (the Java analogue of the exception
 * or signal a Python pool process gets): in the consumer's own thread when no time limit applies (a hand-off to
 * another thread and back cost about as much CPU as a small task), else in a virtual thread of its own that the
 * consumer waits for, at most until the first limit:
 * <ul>
 *   <li>time limits, from the message or else set per task by remote control ({@code celery control time_limit}):
 *       at the first limit reached the task fails with Celery's {@code SoftTimeLimitExceeded} or
 *       {@code TimeLimitExceeded};</li>
 *   <li>{@code revoke(terminate=True)}: the task ends as {@link Terminated}.</li>
 * </ul>
 * A task that ignores the interrupt keeps its thread until it ends (a JVM cannot kill a thread the way Celery kills
 * a pool process, so tasks must stop when interrupted): a limited one, its virtual thread, while its consumer goes
 * on; an unlimited one, its consumer. Its outcome is decided at the interrupt all the same.
 */
public final class TaskThreads implements AutoCloseable {

    private static final String CELERY = "celery.exceptions";

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, Future<Object>> running = new ConcurrentHashMap<>();
    private final Map<String, InPlace> runningInPlace = new ConcurrentHashMap<>();
    /** Task id → signal number asked for by a terminate, until the task's run sees it. */
    private final Map<String, Integer> terminating = new ConcurrentHashMap<>();
    private final Map<String, Limits> limitsByTask = new ConcurrentHashMap<>();

    private record Limits(Double soft, Double hard) {
    }

    /**
     * A task running in its consumer's thread: a terminate interrupts that thread only until the task returns (the
     * consumer then stores the outcome and acknowledges, which an interrupt must not reach).
     */
    private static final class InPlace {
        private final Thread thread = Thread.currentThread();
        private boolean ended;
        private Integer signum;

        synchronized boolean terminate(int signal) {
            if (!ended) {
                signum = signal;
                thread.interrupt();
            }
            return !ended;
        }

        /** The task returned: no interrupt after this. Throws Terminated (clearing its interrupt) if one came. */
        synchronized void end() throws Terminated {
            ended = true;
            if (signum != null) {
                Thread.interrupted();
                throw new Terminated(signum);
            }
        }
    }

    /**
     * Thrown when a limit ends the task; carries the Celery exception the Python side will see: billiard raises
     * {@code SoftTimeLimitExceeded()} in the task, and the pool reports {@code TimeLimitExceeded(<hard limit>)}
     * without a traceback (the task was killed from outside).
     */
    static final class Exceeded extends Exception {
        private final transient PythonException python;
        private final boolean hard;

        Exceeded(PythonException python, boolean hard) {
            super(python.repr());
            this.python = python;
            this.hard = hard;
        }

        PythonException python() {
            return python;
        }

        boolean hard() {
            return hard;
        }
    }

    /** Thrown when the task was stopped by {@code revoke(terminate=True)}. */
    static final class Terminated extends Exception {
        private final int signum;

        Terminated(int signum) {
            super("terminated by signal " + signum);
            this.signum = signum;
        }

        int signum() {
            return signum;
        }
    }

    /** Remote {@code time_limit}: limits in seconds for later runs of {@code task} (null: none). */
    public void setTimeLimits(String task, Double soft, Double hard) {
        limitsByTask.put(task, new Limits(soft, hard));
    }

    /** Interrupts the running task {@code taskId}; false if it is not running here. */
    public boolean terminate(String taskId, int signum) {
        InPlace inPlace = runningInPlace.get(taskId);
        if (inPlace != null) {
            return inPlace.terminate(signum);
        }
        Future<Object> future = running.get(taskId);
        if (future == null) {
            return false;
        }
        terminating.put(taskId, signum);
        future.cancel(true);
        return true;
    }

    Object run(TaskMessage message, Callable<Object> task) throws Exception {
        Limits set = limitsByTask.getOrDefault(message.task(), new Limits(null, null));
        // celery/worker/request.py: the message's limit, else the task's
        Duration soft = seconds(message.softTimeLimit() != null ? message.softTimeLimit() : set.soft());
        Number hardLimit = message.timeLimit() != null ? message.timeLimit() : set.hard();
        Duration hard = seconds(hardLimit);
        boolean softFirst = soft != null && (hard == null || soft.compareTo(hard) < 0);
        Duration limit = softFirst ? soft : hard;
        if (limit == null) {
            return runInPlace(message.id(), task);
        }
        Future<Object> future = threads.submit(task);
        running.put(message.id(), future);
        try {
            return unwrap(future, limit);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw softFirst
                    ? new Exceeded(new PythonException("SoftTimeLimitExceeded", CELERY, List.of()), false)
                    : new Exceeded(new PythonException("TimeLimitExceeded", CELERY, List.of(hardLimit)), true);
        } catch (CancellationException e) {
            throw new Terminated(terminating.getOrDefault(message.id(), 15));
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        } finally {
            running.remove(message.id());
            terminating.remove(message.id());
        }
    }

    /** Terminated once a terminate asked for it, whatever the task then did; else its value or its exception. */
    private Object runInPlace(String taskId, Callable<Object> task) throws Exception {
        InPlace inPlace = new InPlace();
        runningInPlace.put(taskId, inPlace);
        Object value;
        try {
            value = task.call();
        } finally {
            runningInPlace.remove(taskId);
            inPlace.end();
        }
        return value;
    }

    /** The task's value, or the exception it threw, waiting at most {@code timeout}. */
    private static Object unwrap(Future<Object> future, Duration timeout) throws Exception {
        try {
            return future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static Duration seconds(Number value) {
        return value == null || value.doubleValue() <= 0 ? null : Duration.ofNanos((long) (value.doubleValue() * 1e9));
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}

package io.hybridmatch.celery.worker;

import java.time.Duration;

/**
 * One Celery task the worker can run, registered as a Spring bean. The seam other modules plug their tasks into.
 *
 * <p>{@link #run} must leave its effects durable before it returns: the message is acknowledged right after.
 * Throw {@link RetryTask} to have Celery's retry semantics (republished with {@code retries + 1} and an eta);
 * any other exception is a FAILURE result that the Python side sees as an exception of the same simple name (an
 * {@link IllegalArgumentException} becomes {@code ValueError}).
 */
public interface CeleryTaskHandler {

    /** The Celery task name, e.g. {@code hybridmatch.index_candidate}. */
    String name();

    /** Its Python-style signature, used to bind {@code args}/{@code kwargs} and to refuse a wrong arity. */
    TaskParameters parameters();

    /** Returns a JSON-compatible value (null, Boolean, Number, String, List, Map), the task's result. */
    Object run(TaskCall call) throws Exception;

    /** Celery's {@code max_retries} for this task; null = the worker default. */
    default Integer maxRetries() {
        return null;
    }

    /**
     * How long a task may keep asking to be retried, from its first retry, before it gives up (failed and
     * dead-lettered); null = only {@link #maxRetries()} limits it.
     */
    default Duration retryHorizon() {
        return null;
    }

    /**
     * Celery's {@code ignore_result} task option: nothing is stored for this task, neither SUCCESS nor, as
     * {@code store_errors_even_if_ignored} is off by default, FAILURE or RETRY (a caller's {@code ignore_result}
     * option only skips SUCCESS).
     */
    default boolean ignoreResult() {
        return false;
    }

    /** Celery's {@code track_started} for this task (STARTED stored before it runs); null = the worker default. */
    default Boolean trackStarted() {
        return null;
    }

    /** A task's body, for {@link #of} and {@link #withOptions}. */
    @FunctionalInterface
    interface Body {
        Object run(TaskCall call) throws Exception;
    }

    /**
     * Celery's task options a handler may set (null / false = the worker's defaults): {@code max_retries}, the retry
     * horizon, {@code track_started}, {@code ignore_result}.
     */
    record Options(Integer maxRetries, Duration retryHorizon, Boolean trackStarted, boolean ignoreResult) {
    }

    /** A handler from its parts; {@code maxRetries} null = the worker default. */
    static CeleryTaskHandler of(String name, TaskParameters parameters, Integer maxRetries, Body body) {
        return of(name, parameters, maxRetries, null, body);
    }

    /** A handler from its parts, retried for at most {@code retryHorizon} (null = no time limit). */
    static CeleryTaskHandler of(String name, TaskParameters parameters, Integer maxRetries, Duration retryHorizon,
                                Body body) {
        return withOptions(name, parameters, new Options(maxRetries, retryHorizon, null, false), body);
    }

    /** A handler from its parts, with Celery task options. */
    static CeleryTaskHandler withOptions(String name, TaskParameters parameters, Options options, Body body) {
        return new CeleryTaskHandler() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public TaskParameters parameters() {
                return parameters;
            }

            @Override
            public Object run(TaskCall call) throws Exception {
                return body.run(call);
            }

            @Override
            public Integer maxRetries() {
                return options.maxRetries();
            }

            @Override
            public Duration retryHorizon() {
                return options.retryHorizon();
            }

            @Override
            public Boolean trackStarted() {
                return options.trackStarted();
            }

            @Override
            public boolean ignoreResult() {
                return options.ignoreResult();
            }
        };
    }
}

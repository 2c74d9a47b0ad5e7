package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.FollowUpMessages;
import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.PythonRepr;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.Route;
import io.hybridmatch.celery.Signature;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskMessageEncoder;
import io.hybridmatch.celery.TaskResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an admitted task: runs it under its time limits, publishes its follow-ups (callbacks, next chain step,
 * retry, errbacks) with confirms, stores its result, sends its events and logs it as Celery's worker does
 * ({@code celery.app.trace}'s received / succeeded / raised unexpected / retry lines). Every outcome is durable when a
 * method returns, so the consumer may acknowledge; a broker or Redis failure surfaces as a RuntimeException. A task
 * that gives up retrying (max_retries or its retry horizon reached) fails, and {@link #run} tells the consumer why,
 * so that its message is dead-lettered.
 */
public final class TaskExecution {

    private static final Logger log = LoggerFactory.getLogger(TaskExecution.class);

    /** Extra header of a retried task: when it first asked to be retried (ISO-8601), kept across its retries. */
    public static final String RETRYING_SINCE = "hybridmatch_retrying_since";
    /** Dead-letter reason of a task that gave up retrying. */
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";

    /** Collaborators, grouped to keep the constructor readable. */
    public record Services(ResultBackend results, ConfirmedPublisher publisher, WorkerEvents events, WorkerState state,
                           TaskMetrics metrics, TaskThreads threads, RateLimits rateLimits, RevokedTasks revoked) {
    }

    private final Services s;
    private final TaskMessageEncoder encoder;
    private final FollowUpMessages followUps;
    private final String queue;
    private final int defaultMaxRetries;
    private final Duration defaultRetryDelay;
    private final Clock clock;

    public TaskExecution(Services services, String queue, int defaultMaxRetries, Duration defaultRetryDelay,
                         Clock clock) {
        this.s = services;
        this.encoder = new TaskMessageEncoder(clock, services.state().hostname());
        this.followUps = new FollowUpMessages(clock, queue);
        this.queue = queue;
        this.defaultMaxRetries = defaultMaxRetries;
        this.defaultRetryDelay = defaultRetryDelay;
        this.clock = clock;
    }

    /**
     * A task message accepted by this worker (to run now or at its eta): logged and announced ({@code task-received})
     * once, on arrival, as Celery's consumer does before any wait.
     */
    public void received(TaskMessage task) {
        log.info("Task {}[{}] received", task.task(), task.id());
        s.events().received(task);
        s.metrics().count(task.task(), "received");
    }

    /**
     * Runs an admitted task delivered from {@code deliveredTo}: waits for its rate limit (listed as reserved
     * meanwhile), refuses it if it was revoked while it waited, else runs it and records its outcome. Returns why it
     * gave up retrying (for the dead letter), empty for any other outcome.
     */
    public Optional<String> run(Admission.Run run, Route deliveredTo, boolean redelivered) throws InterruptedException {
        TaskMessage task = run.task();
        s.state().hold(new ControlReplies.ActiveTask(task, deliveredTo, redelivered, null, false, s.state().pid()));
        try {
            s.rateLimits().acquire(task.task());
        } finally {
            s.state().release(task.id());
        }
        if (s.revoked().isRevoked(task.id())) {
            revoke(task, "revoked");
            return Optional.empty();
        }
        s.state().begin(new ControlReplies.ActiveTask(task, deliveredTo, redelivered, clock.instant(), false,
                s.state().pid()));
        s.events().started(task.id());
        long t0 = System.nanoTime();
        try {
            Object value;
            try {
                value = s.threads().run(task, () -> run.handler().run(new TaskCall(task, run.arguments())));
            } catch (RetryTask retry) {
                return retryOrGiveUp(task, run.handler(), retry, since(t0));
            } catch (TaskThreads.Terminated e) {
                terminated(task, e.signum());
                return Optional.empty();
            } catch (TaskThreads.Exceeded e) {
                fail(task, e.python(), e, since(t0));
                return Optional.empty();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                fail(task, PythonException.of(e), e, since(t0));
                return Optional.empty();
            }
            Duration runtime = since(t0);
            // follow-ups before the result: once SUCCESS is visible, its callbacks already exist
            for (Signature callback : task.callbacks()) {
                publishFollowUp(task, () -> followUps.linkCallback(task, callback, value));
            }
            publishFollowUp(task, () -> followUps.nextInChain(task, value).orElse(null));
            store(task, TaskResult.success(task.id(), value, clock.instant()));
            s.events().succeeded(task.id(), value, runtime);
            s.metrics().finished(task.task(), "succeeded", runtime);
            log.info("Task {}[{}] succeeded in {}s: {}", task.task(), task.id(), PythonRepr.of(runtime.toNanos() / 1e9),
                    PythonRepr.of(value, 1024)); // Celery's resultrepr_maxsize
            return Optional.empty();
        } finally {
            s.state().end(task.id(), task.task());
        }
    }

    /**
     * A task that can never run as sent: FAILURE for the caller and its errbacks (the message is dead-lettered), and
     * {@code task-rejected}, or for an unknown task the {@code task-failed} Celery's consumer sends.
     */
    public void reject(TaskMessage task, PythonException error) {
        for (Signature errback : task.errbacks()) {
            publishFollowUp(task, () -> followUps.errorCallback(task, errback));
        }
        store(task, TaskResult.failure(task.id(), error, null, clock.instant()));
        if (error.type().equals("NotRegistered")) {
            s.events().notRegistered(task.id(), task.task());
        } else {
            s.events().rejected(task.id(), false);
        }
        s.metrics().count(task.task(), "rejected");
    }

    /** Revoked before it ran, or expired ({@code why} "revoked" or "expired"): REVOKED and {@code task-revoked}. */
    public void revoke(TaskMessage task, String why) {
        log.info("Discarding {} task: {}[{}]", why, task.task(), task.id());
        store(task, TaskResult.revoked(task.id(), why, clock.instant()));
        s.events().revoked(task.id(), false, null, why.equals("expired"));
        s.metrics().count(task.task(), "revoked");
    }

    /** Stopped while running by {@code revoke(terminate=True)}: REVOKED "terminated", as Celery stores it. */
    private void terminated(TaskMessage task, int signum) {
        log.info("Task {}[{}] terminated by remote control (signal {})", task.task(), task.id(), signum);
        store(task, TaskResult.revoked(task.id(), "terminated", clock.instant()));
        s.events().revoked(task.id(), true, signum, false);
        s.metrics().count(task.task(), "revoked");
    }

    private Optional<String> retryOrGiveUp(TaskMessage task, CeleryTaskHandler handler, RetryTask retry,
                                           Duration runtime) {
        int maxRetries = handler.maxRetries() != null ? handler.maxRetries() : defaultMaxRetries;
        Throwable cause = retry.getCause();
        Instant now = clock.instant();
        Instant since = retryingSince(task).orElse(now);
        Duration horizon = handler.retryHorizon();
        if (task.retries() >= maxRetries || horizon != null && !now.isBefore(since.plus(horizon))) {
            PythonException error = cause != null ? PythonException.of(cause)
                    : new PythonException("MaxRetriesExceededError", "celery.exceptions", List.of(
                    "Can't retry " + task.task() + "[" + task.id() + "] args:" + task.args() + " kwargs:" + task.kwargs()));
            fail(task, error, cause != null ? cause : retry, runtime);
            return Optional.of("gave up after " + task.retries() + " retries over "
                    + Duration.between(since, now).withNanos(0) + ": " + error.repr());
        }
        Duration countdown = retry.countdown() != null ? retry.countdown() : defaultRetryDelay;
        TaskMessage.Builder next = followUps.retry(task, countdown).toBuilder().extraHeader(RETRYING_SINCE, since.toString());
        if (retry.args() != null) {
            next.args(retry.args()).kwargs(Map.of());
        }
        s.publisher().publish(encoder.encode(next.build(), Route.queue(queue)));
        Throwable reasonError = cause != null ? cause : retry;
        PythonException reason = PythonException.of(reasonError);
        String traceback = stackTrace(reasonError);
        store(task, TaskResult.retry(task.id(), reason, traceback));
        s.events().retried(task.id(), reason, traceback);
        s.metrics().finished(task.task(), "retried", runtime);
        log.info("Task {}[{}] retry: Retry in {}s: {}", task.task(), task.id(), countdown.toSeconds(), reason.repr());
        return Optional.empty();
    }

    private static Optional<Instant> retryingSince(TaskMessage task) {
        Object since = task.extraHeaders().get(RETRYING_SINCE);
        try {
            return since == null ? Optional.empty() : Optional.of(Instant.parse(since.toString()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private void fail(TaskMessage task, PythonException error, Throwable thrown, Duration runtime) {
        String traceback = stackTrace(thrown);
        for (Signature errback : task.errbacks()) {
            publishFollowUp(task, () -> followUps.errorCallback(task, errback));
        }
        store(task, TaskResult.failure(task.id(), error, traceback, clock.instant()));
        s.events().failed(task.id(), error, traceback);
        s.metrics().finished(task.task(), "failed", runtime);
        log.error("Task {}[{}] raised unexpected: {}", task.task(), task.id(), error.repr(), thrown);
    }

    private void store(TaskMessage task, TaskResult result) {
        if (!task.ignoreResult()) {
            s.results().store(task, result);
        }
    }

    private interface FollowUp {
        FollowUpMessages.Publication next() throws RejectedMessageException;
    }

    private void publishFollowUp(TaskMessage task, FollowUp followUp) {
        try {
            FollowUpMessages.Publication publication = followUp.next();
            if (publication != null) {
                s.publisher().publish(encoder.encode(publication.message(), publication.route()));
            }
        } catch (RejectedMessageException e) {
            // e.g. a group or chord as callback: the task's own outcome stands; the follow-up is reported, not run
            log.warn("follow-up of {}[{}] not published: {}", task.task(), task.id(), e.getMessage());
        }
    }

    private static Duration since(long t0) {
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    private static String stackTrace(Throwable error) {
        StringWriter out = new StringWriter();
        error.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}

package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ChildResults;
import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.FollowUpMessages;
import io.hybridmatch.celery.PythonException;
import io.hybridmatch.celery.PythonRepr;
import io.hybridmatch.celery.RedisChords;
import io.hybridmatch.celery.RejectedMessageException;
import io.hybridmatch.celery.ResultRequest;
import io.hybridmatch.celery.Route;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskMessageEncoder;
import io.hybridmatch.celery.TaskResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out an admitted task as Celery's worker does (celery/app/trace.py, backends/base.py): STARTED when tracked,
 * runs it under its time limits (custom states stored as it reports them), publishes its follow-ups (callbacks,
 * next chain step, retry, errbacks, a finished chord's body) with confirms, stores its result with its children and
 * request fields, fails the rest of a broken chain, joins chords, sends its events and logs it
 * ({@code celery.app.trace}'s received / succeeded / raised unexpected / retry lines). Every outcome is durable when
 * a method returns, or for {@link #run} when the stage it returns completes (a SUCCESS may go to the result backend
 * with the results of other tasks), so the consumer may acknowledge; a broker or Redis failure surfaces as a
 * RuntimeException, or fails the stage. A task that gives up retrying (max_retries or its retry horizon reached)
 * fails, and {@link #run} tells the consumer why, so that its message is dead-lettered.
 */
public final class TaskExecution {

    private static final Logger log = LoggerFactory.getLogger(TaskExecution.class);

    /** Extra header of a retried task: when it first asked to be retried (ISO-8601), kept across its retries. */
    public static final String RETRYING_SINCE = "hybridmatch_retrying_since";
    /** Dead-letter reason of a task that gave up retrying. */
    public static final String RETRIES_EXHAUSTED = "RETRIES_EXHAUSTED";

    /** Collaborators, grouped to keep the constructor readable. */
    public record Services(ResultBackend results, ConfirmedPublisher publisher, FollowUpQueues queues,
                           WorkerEvents events, WorkerState state, TaskMetrics metrics, TaskThreads threads,
                           RateLimits rateLimits, RevokedTasks revoked) {
    }

    /** Celery's task defaults this worker applies when a task does not set its own. */
    public record Defaults(int maxRetries, Duration retryDelay, boolean trackStarted) {
    }

    /**
     * How the message arrived: the queue consumed (a retry goes back there), the exchange and routing key it was
     * delivered with (Celery's {@code delivery_info}; the routing key is the {@code queue} meta field).
     */
    public record Delivery(String queue, Route deliveredTo, boolean redelivered) {
    }

    private static final CompletionStage<Void> DURABLE = CompletableFuture.completedStage(null);
    private static final CompletionStage<Optional<String>> NOTHING = CompletableFuture.completedStage(Optional.empty());

    private final Services s;
    private final TaskMessageEncoder encoder;
    private final FollowUpMessages followUps;
    private final Defaults defaults;
    private final Clock clock;

    public TaskExecution(Services services, TaskMessageEncoder encoder, FollowUpMessages followUps, Defaults defaults,
                         Clock clock) {
        this.s = services;
        this.encoder = encoder;
        this.followUps = followUps;
        this.defaults = defaults;
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
     * Runs an admitted task: waits for its rate limit (listed as reserved meanwhile), refuses it if it was revoked
     * while it waited, else runs it and records its outcome. The stage completes when the outcome is durable (a
     * SUCCESS may still be on its way to the result backend when this returns: its event, log line and metrics follow
     * it) with why it gave up retrying (for the dead letter), empty for any other outcome.
     */
    public CompletionStage<Optional<String>> run(Admission.Run run, Delivery delivery) throws InterruptedException {
        TaskMessage task = run.task();
        ResultRequest request = request(task, delivery);
        s.state().hold(new ControlReplies.ActiveTask(task, delivery.deliveredTo(), delivery.redelivered(), null, false,
                s.state().pid()));
        try {
            s.rateLimits().acquire(task.task());
        } finally {
            s.state().release(task.id());
        }
        if (s.revoked().isRevoked(task.id())) {
            revoke(task, "revoked", delivery);
            return NOTHING;
        }
        s.state().begin(new ControlReplies.ActiveTask(task, delivery.deliveredTo(), delivery.redelivered(),
                clock.instant(), false, s.state().pid()));
        CompletionStage<Optional<String>> outcome;
        try {
            outcome = runStarted(run, request, delivery);
        } catch (InterruptedException | RuntimeException e) {
            s.state().end(task.id(), task.task());
            throw e;
        }
        return outcome.whenComplete((ignored, error) -> s.state().end(task.id(), task.task()));
    }

    private CompletionStage<Optional<String>> runStarted(Admission.Run run, ResultRequest request, Delivery delivery)
            throws InterruptedException {
        TaskMessage task = run.task();
        s.events().started(task.id());
        boolean storeResults = !run.handler().ignoreResult(); // app/trace.py: store_errors, track_started
        Boolean trackStarted = run.handler().trackStarted();
        if (storeResults && (trackStarted != null ? trackStarted : defaults.trackStarted())) {
            s.results().store(task, TaskResult.started(task.id(), s.state().pid(), s.state().hostname())
                    .withRequest(request));
        }
        TaskCall call = new TaskCall(task, run.arguments(), (state, meta) ->
                s.results().store(task, TaskResult.custom(task.id(), state, meta).withRequest(request)));
        long t0 = System.nanoTime();
        Object value;
        try {
            value = s.threads().run(task, () -> run.handler().run(call));
        } catch (RetryTask retry) {
            return CompletableFuture.completedStage(retryOrGiveUp(task, request, delivery, run.handler(), retry,
                    since(t0)));
        } catch (TaskThreads.Terminated e) {
            terminated(task, request, e.signum());
            return NOTHING;
        } catch (TaskThreads.Exceeded e) {
            fail(task, request, e.python(), e.hard() ? null : e, since(t0), storeResults);
            return NOTHING;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            fail(task, request, PythonException.of(e), e, since(t0), storeResults);
            return NOTHING;
        }
        Duration runtime = since(t0);
        // follow-ups before the result: once SUCCESS is visible, its callbacks already exist
        FollowUpMessages.FollowUps sent = publish(task, () -> followUps.afterSuccess(task, value));
        TaskResult success = TaskResult.success(task.id(), value, clock.instant()).withChildren(sent.children())
                .withRequest(request);
        CompletionStage<Void> stored = DURABLE;
        if (storeResults && !task.ignoreResult()) { // the option skips SUCCESS only (base.py mark_as_done)
            if (task.chord() == null) {
                stored = s.results().storeSoon(task, success);
            } else { // the chord join waits for Redis: on this thread, never on the one that completes batched writes
                s.results().store(task, success);
            }
        }
        return stored.thenApply(ignored -> {
            chordPartReturned(task, success);
            succeeded(task, value, runtime);
            return Optional.empty();
        });
    }

    /** Once SUCCESS is stored, as Celery's pool reports it: task-succeeded, then the log line. */
    private void succeeded(TaskMessage task, Object value, Duration runtime) {
        s.events().succeeded(task.id(), value, runtime);
        s.metrics().finished(task.task(), "succeeded", runtime);
        if (log.isInfoEnabled()) { // the reprs cost more than a small task: only when the line is written
            log.info("Task {}[{}] succeeded in {}s: {}", task.task(), task.id(),
                    PythonRepr.of(runtime.toNanos() / 1e9), PythonRepr.of(value, 1024)); // resultrepr_maxsize
        }
    }

    /**
     * A task that can never run as sent: FAILURE for the caller and its errbacks (the message is dead-lettered, where
     * Celery drops it). An unknown task gets the {@code task-failed} Celery's consumer sends; arguments that do not
     * bind fail as Celery's call of the task raises there: received, started, failed, with the TypeError's line as
     * traceback (no frame of the task ran).
     */
    public void reject(TaskMessage task, PythonException error, Delivery delivery) {
        ResultRequest request = request(task, delivery);
        if (error.type().equals("NotRegistered")) {
            markFailed(task, TaskResult.failure(task.id(), error, null, clock.instant()).withRequest(request), true);
            s.events().notRegistered(task.id(), task.task());
        } else {
            String traceback = error.exceptionOnly();
            received(task);
            s.events().started(task.id());
            markFailed(task, TaskResult.failure(task.id(), error, traceback, clock.instant()).withRequest(request),
                    true);
            s.events().failed(task.id(), error, traceback);
        }
        s.metrics().count(task.task(), "rejected");
    }

    /** Revoked before it ran, or expired ({@code why} "revoked" or "expired"): REVOKED and {@code task-revoked}. */
    public void revoke(TaskMessage task, String why, Delivery delivery) {
        log.info("Discarding {} task: {}[{}]", why, task.task(), task.id());
        markRevoked(task, TaskResult.revoked(task.id(), why, clock.instant()).withRequest(request(task, delivery)));
        s.events().revoked(task.id(), false, null, why.equals("expired"));
    }

    /** Stopped while running by {@code revoke(terminate=True)}: REVOKED "terminated", as Celery stores it. */
    private void terminated(TaskMessage task, ResultRequest request, int signum) {
        log.info("Task {}[{}] terminated by remote control (signal {})", task.task(), task.id(), signum);
        markRevoked(task, TaskResult.revoked(task.id(), "terminated", clock.instant()).withRequest(request));
        s.events().revoked(task.id(), true, signum, false);
    }

    /** backends/base.py {@code mark_as_revoked}: stored, and the chord told. */
    private void markRevoked(TaskMessage task, TaskResult revoked) {
        s.results().store(task, revoked);
        chordPartReturned(task, revoked);
        s.metrics().count(task.task(), "revoked");
    }

    private Optional<String> retryOrGiveUp(TaskMessage task, ResultRequest request, Delivery delivery,
                                           CeleryTaskHandler handler, RetryTask retry, Duration runtime) {
        int maxRetries = handler.maxRetries() != null ? handler.maxRetries() : defaults.maxRetries();
        Throwable cause = retry.getCause();
        Instant now = clock.instant();
        Instant since = retryingSince(task).orElse(now);
        Duration horizon = handler.retryHorizon();
        if (task.retries() >= maxRetries || (horizon != null && !now.isBefore(since.plus(horizon)))) {
            PythonException error = cause != null ? PythonException.of(cause)
                    : new PythonException("MaxRetriesExceededError", "celery.exceptions", List.of(
                    "Can't retry " + task.task() + "[" + task.id() + "] args:" + PythonRepr.tuple(task.args())
                            + " kwargs:" + PythonRepr.of(task.kwargs())));
            fail(task, request, error, cause != null ? cause : retry, runtime, !handler.ignoreResult());
            return Optional.of("gave up after " + task.retries() + " retries over "
                    + Duration.between(since, now).truncatedTo(ChronoUnit.SECONDS) + ": " + error.repr());
        }
        Duration countdown = retry.countdown() != null ? retry.countdown() : defaults.retryDelay();
        TaskMessage.Builder next = followUps.retry(task, countdown).toBuilder().extraHeader(RETRYING_SINCE, since.toString());
        if (retry.args() != null) {
            next.args(retry.args()).kwargs(Map.of());
        }
        s.publisher().publish(encoder.encode(next.build(), Route.queue(delivery.queue())));
        // retry() without exc: Celery stores and announces None as the reason (mark_as_retry(id, reason.exc))
        PythonException reason = cause != null ? PythonException.of(cause) : null;
        String traceback = stackTrace(cause != null ? cause : retry);
        if (!handler.ignoreResult()) {
            // Task.retry sends the new message from inside the task: Celery lists it (same id) as a child
            s.results().store(task, TaskResult.retry(task.id(), reason, traceback)
                    .withChildren(List.of(ChildResults.task(task.id()))).withRequest(request));
        }
        s.events().retried(task.id(), reason, traceback);
        s.metrics().finished(task.task(), "retried", runtime);
        log.info("Task {}[{}] retry: Retry in {}s{}", task.task(), task.id(), countdown.toSeconds(),
                reason == null ? "" : ": " + reason.repr());
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

    /** @param thrown the error with the traceback to store, or null when Celery stores none */
    private void fail(TaskMessage task, ResultRequest request, PythonException error, Throwable thrown,
                      Duration runtime, boolean storeResult) {
        String traceback = thrown == null ? null : stackTrace(thrown);
        markFailed(task, TaskResult.failure(task.id(), error, traceback, clock.instant()).withRequest(request),
                storeResult);
        s.events().failed(task.id(), error, traceback);
        s.metrics().finished(task.task(), "failed", runtime);
        if (thrown != null) {
            log.error("Task {}[{}] raised unexpected: {}", task.task(), task.id(), error.repr(), thrown);
        } else {
            log.error("Task {}[{}] raised unexpected: {}", task.task(), task.id(), error.repr());
        }
    }

    /**
     * backends/base.py {@code mark_as_failure}: the FAILURE is stored (even with the ignore_result option; not for a
     * task that ignores its results), the chord is told, the chain's remaining steps get the same FAILURE, then the
     * errbacks are sent.
     */
    private void markFailed(TaskMessage task, TaskResult failure, boolean storeResult) {
        if (storeResult) {
            s.results().store(task, failure);
        }
        chordPartReturned(task, failure);
        try {
            for (FollowUpMessages.FailedStep step : storeResult ? followUps.failedChainSteps(task, failure)
                    : List.<FollowUpMessages.FailedStep>of()) {
                s.results().store(step.request(), step.result());
            }
        } catch (RejectedMessageException e) {
            log.warn("chain steps after {}[{}] not marked failed: {}", task.task(), task.id(), e.getMessage());
        }
        publish(task, () -> followUps.errbacks(task));
    }

    /** A chord header task finished: when it was the last, the body runs, or fails with the part's error. */
    private void chordPartReturned(TaskMessage task, TaskResult result) {
        if (task.chord() == null) {
            return;
        }
        switch (s.results().chordPartReturned(task, result).orElse(null)) {
            case null -> {
            }
            case RedisChords.Results joined -> publish(task, () -> followUps.chordBody(task, joined.values()));
            case RedisChords.Failed failed -> {
                String bodyId = (String) task.chord().options().get("task_id");
                log.error("Chord '{}' raised: {}", task.group(), failed.error().repr());
                if (bodyId != null) { // Celery's traceback is the join's Python stack: its last line here
                    s.results().store(TaskMessage.builder(bodyId, task.chord().task()).build(),
                            TaskResult.failure(bodyId, failed.error(), failed.error().exceptionOnly(), clock.instant()));
                }
                publish(task, () -> followUps.chordBodyErrbacks(task));
            }
        }
    }

    private interface FollowUps {
        FollowUpMessages.FollowUps get() throws RejectedMessageException;
    }

    /**
     * Publishes the follow-ups (chord sizes stored first) and returns them. One Celery could not send either — a
     * malformed signature, a chord on rpc:// — is logged and skipped: the task's own outcome stands.
     */
    private FollowUpMessages.FollowUps publish(TaskMessage task, FollowUps followUps) {
        FollowUpMessages.FollowUps out;
        try {
            out = followUps.get();
            out.chords().forEach(chord -> s.results().startChord(chord.groupId(), chord.size()));
        } catch (RejectedMessageException | UnsupportedOperationException e) {
            log.warn("follow-up of {}[{}] not published: {}", task.task(), task.id(), e.getMessage());
            return FollowUpMessages.FollowUps.NONE;
        }
        for (FollowUpMessages.Publication publication : out.publications()) {
            s.queues().ensureExists(publication.route());
            s.publisher().publish(encoder.encode(publication.message(), publication.route()));
        }
        return out;
    }

    private ResultRequest request(TaskMessage task, Delivery delivery) {
        return ResultRequest.of(task, s.state().hostname(), delivery.deliveredTo().routingKey());
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

package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Celery's inspect commands (celery/worker/control.py {@code @inspect_command}): read-only views of the worker, in
 * the reply shapes {@code celery inspect} and Flower read.
 */
public final class InspectCommands {

    /** Celery's older names of the same commands (celery/worker/control.py aliases), still sent by some monitors. */
    private static final Map<String, String> ALIASES = Map.of("dump_conf", "conf", "dump_tasks", "registered",
            "dump_active", "active", "dump_reserved", "reserved", "dump_schedule", "scheduled", "dump_revoked", "revoked");

    /** What {@code inspect conf/report/stats} describe, fixed at start. */
    public record Settings(Map<String, Object> conf, Map<String, Object> broker, int prefetch, String software,
                           String platform, String results) {
    }

    private final WorkerState state;
    private final PrefetchedTasks prefetched;
    private final RevokedTasks revoked;
    private final Collection<String> taskNames;
    private final RateLimits rateLimits;
    private final TaskConsumers consumers;
    private final Settings settings;
    private final ProcessUsage usage = ProcessUsage.self();

    public InspectCommands(WorkerState state, PrefetchedTasks prefetched, RevokedTasks revoked,
                           Collection<String> taskNames, RateLimits rateLimits, TaskConsumers consumers,
                           Settings settings) {
        this.state = state;
        this.prefetched = prefetched;
        this.revoked = revoked;
        this.taskNames = List.copyOf(taskNames);
        this.rateLimits = rateLimits;
        this.consumers = consumers;
        this.settings = settings;
    }

    /** Celery's reserved requests: the ones waiting for their rate limit, then the prefetched ones. */
    private List<ControlReplies.ActiveTask> reserved() {
        List<ControlReplies.ActiveTask> reserved = new ArrayList<>(state.reserved());
        reserved.addAll(prefetched.list());
        return reserved;
    }

    public Map<String, RemoteCommand> commands() {
        Map<String, RemoteCommand> commands = new HashMap<>(named());
        ALIASES.forEach((alias, name) -> commands.put(alias, commands.get(name)));
        return commands;
    }

    private Map<String, RemoteCommand> named() {
        return Map.ofEntries(
                Map.entry("ping", a -> ControlReplies.pong()),
                Map.entry("registered", a -> ControlReplies.registered(taskNames, rateLimits.texts())),
                Map.entry("active", a -> ControlReplies.active(state.active(), state.hostname(), a.flag("safe"))),
                Map.entry("reserved", a -> ControlReplies.active(reserved(), state.hostname(), false)),
                Map.entry("scheduled", a -> ControlReplies.scheduled(state.scheduled(), state.hostname())),
                Map.entry("query_task", a -> {
                    List<String> ids = ControlReplies.taskIds(a.required("ids"));
                    List<ControlReplies.ActiveTask> found = new ArrayList<>(state.find(ids));
                    prefetched.list().stream().filter(task -> ids.contains(task.message().id())).forEach(found::add);
                    return ControlReplies.queryTask(found, state.hostname());
                }),
                Map.entry("revoked", a -> revoked.ids()),
                Map.entry("active_queues", a -> ControlReplies.activeQueues(consumers.queues())),
                Map.entry("stats", a -> stats()),
                Map.entry("clock", a -> ControlReplies.clock(state.clock().value())),
                Map.entry("conf", a -> settings.conf()),
                Map.entry("report", a -> ControlReplies.report(settings.software(), settings.platform(), "amqp",
                        settings.results(), settings.conf())),
                Map.entry("hello", this::hello));
    }

    private Map<String, Object> stats() {
        ControlReplies.Pool pool = consumers.pool();
        return ControlReplies.stats(state.totals(), state.pid(), state.clock().value(),
                Duration.between(state.started(), Instant.now()), pool, settings.prefetch() * pool.maxConcurrency(),
                settings.broker(), usage.rusage());
    }

    /**
     * Mingle's sync request from a starting worker: its revoked ids are merged into ours and ours are sent back; a
     * worker asking itself gets None, as in Celery.
     */
    private Object hello(CommandArguments a) {
        if (state.hostname().equals(a.required("from_node"))) {
            return null;
        }
        if (a.get("revoked") instanceof Map<?, ?> theirs) {
            revoked.revoke(theirs.keySet().stream().map(String::valueOf).toList());
        }
        return ControlReplies.hello(revoked.revokedAt(), state.clock().forward());
    }
}

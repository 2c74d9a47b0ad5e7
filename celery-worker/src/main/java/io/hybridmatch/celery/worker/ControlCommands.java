package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import io.hybridmatch.celery.KombuQueue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Celery's control commands (celery/worker/control.py {@code @control_command}): they change the running worker and
 * answer with Celery's texts, so {@code celery control ...} and Flower's buttons work on it.
 */
public final class ControlCommands {

    private static final Logger log = LoggerFactory.getLogger(ControlCommands.class);
    /** The signals a terminate may name (celery.platforms.signals.signum), by their Linux numbers. */
    private static final Map<String, Integer> SIGNALS = Map.of("SIGHUP", 1, "SIGINT", 2, "SIGQUIT", 3, "SIGKILL", 9,
            "SIGUSR1", 10, "SIGUSR2", 12, "SIGTERM", 15);

    /** What the commands act on. */
    public record Targets(RevokedTasks revoked, TaskThreads threads, WorkerState state, WorkerEvents events,
                          RateLimits rateLimits, TaskConsumers consumers, Runnable shutdown) {
    }

    private final Targets t;
    private final Set<String> taskNames;

    public ControlCommands(Targets targets, Collection<String> taskNames) {
        this.t = targets;
        this.taskNames = Set.copyOf(taskNames);
    }

    public Map<String, RemoteCommand> commands() {
        return Map.ofEntries(
                Map.entry("revoke", this::revoke),
                Map.entry("terminate", a -> {
                    a.required("signal");
                    return revoke(new CommandArguments(a.command(), Map.of("task_id", a.required("task_id"),
                            "terminate", true, "signal", String.valueOf(a.get("signal")))));
                }),
                Map.entry("enable_events", a -> ControlReplies.ok(t.events().enableTaskEvents()
                        ? "task events enabled" : "task events already enabled")),
                Map.entry("disable_events", a -> ControlReplies.ok(t.events().disableTaskEvents()
                        ? "task events disabled" : "task events already disabled")),
                Map.entry("heartbeat", a -> {
                    t.events().heartbeatNow();
                    return null;
                }),
                Map.entry("rate_limit", this::rateLimit),
                Map.entry("time_limit", this::timeLimit),
                Map.entry("pool_grow", a -> {
                    t.consumers().grow(count(a));
                    return ControlReplies.ok("pool will grow");
                }),
                Map.entry("pool_shrink", a -> {
                    t.consumers().shrink(count(a));
                    return ControlReplies.ok("pool will shrink");
                }),
                Map.entry("autoscale", a -> {
                    TaskConsumers.Autoscale now = t.consumers().autoscale(a.integer("max"), a.integer("min"));
                    return ControlReplies.ok("autoscale now max=" + now.max() + " min=" + now.min());
                }),
                Map.entry("add_consumer", a -> {
                    String queue = String.valueOf(a.required("queue"));
                    t.consumers().add(KombuQueue.fromOptions(queue, a.values()));
                    return ControlReplies.ok("add consumer " + queue);
                }),
                Map.entry("cancel_consumer", a -> {
                    String queue = String.valueOf(a.required("queue"));
                    t.consumers().cancel(queue);
                    return ControlReplies.ok("no longer consuming from " + queue);
                }),
                // no gossip here: Celery without gossip ignores elections, and refuses pool restarts by default
                Map.entry("election", a -> null),
                Map.entry("pool_restart", a -> {
                    throw ControlCommandError.raised("ValueError", "Pool restarts not enabled");
                }),
                Map.entry("shutdown", a -> {
                    log.warn("{}", a.get("msg") != null ? a.get("msg") : "Got shutdown from remote");
                    t.shutdown().run();
                    return RemoteCommand.NO_REPLY;
                }));
    }

    private static int count(CommandArguments a) {
        Integer n = a.integer("n");
        return n == null ? 1 : n;
    }

    /**
     * Revoked ids are refused when they arrive; with terminate, running ones are interrupted and waiting ones are
     * refused when their wait ends. The reply names what was found, as Celery's.
     */
    private Object revoke(CommandArguments a) {
        List<String> ids = ControlReplies.taskIds(a.required("task_id"));
        t.revoked().revoke(ids);
        if (!a.flag("terminate")) {
            log.info("Tasks flagged as revoked: {}", String.join(", ", ids));
            return ControlReplies.revoked(ids);
        }
        int signum = signum(a.get("signal"));
        List<String> terminated = new ArrayList<>();
        for (String id : ids) {
            if (t.threads().terminate(id, signum) || !t.state().find(List.of(id)).isEmpty()) {
                log.info("Terminating {} ({})", id, signum);
                terminated.add(id);
            }
        }
        return ControlReplies.terminated(terminated);
    }

    /** celery.platforms.signals.signum: a number, or an upper-case name with or without "SIG". */
    static int signum(Object signal) {
        return switch (signal) {
            case null -> SIGNALS.get("SIGTERM");
            case Number n -> n.intValue();
            case String s when !s.equals(s.toUpperCase(Locale.ROOT)) ->
                    throw ControlCommandError.raised("TypeError", "signal name must be uppercase string.");
            case String s -> {
                String name = s.startsWith("SIG") ? s : "SIG" + s;
                Integer number = SIGNALS.get(name);
                if (number == null) {
                    throw ControlCommandError.raised("AttributeError", "module 'signal' has no attribute '" + name + "'");
                }
                yield number;
            }
            default -> throw ControlCommandError.raised("TypeError", "signal name must be uppercase string.");
        };
    }

    private Object rateLimit(CommandArguments a) {
        a.required("task_name");
        String task = a.string("task_name");
        Object rate = a.required("rate_limit");
        try {
            RateLimits.perSecond(rate);
        } catch (ControlCommandError e) {
            if ("ValueError".equals(e.pythonType())) {
                return ControlReplies.error("Invalid rate limit string: " + e.repr());
            }
            throw e;
        }
        if (!taskNames.contains(task)) {
            log.error("Rate limit attempt for unknown task {}", task);
            return ControlReplies.error("unknown task");
        }
        t.rateLimits().set(task, rate);
        if (RateLimits.perSecond(rate) == 0) {
            log.info("Rate limits disabled for tasks of type {}", task);
            return ControlReplies.ok("rate limit disabled successfully");
        }
        log.info("New rate limit for tasks of type {}: {}.", task, rate);
        return ControlReplies.ok("new rate limit set successfully");
    }

    private Object timeLimit(CommandArguments a) {
        String task = a.string("task_name");
        if (!taskNames.contains(task)) {
            log.error("Change time limit attempt for unknown task {}", task);
            return ControlReplies.error("unknown task");
        }
        t.threads().setTimeLimits(task, a.number("soft"), a.number("hard"));
        log.info("New time limits for tasks of type {}: soft={} hard={}", task, a.get("soft"), a.get("hard"));
        return ControlReplies.ok("time limits set successfully");
    }
}

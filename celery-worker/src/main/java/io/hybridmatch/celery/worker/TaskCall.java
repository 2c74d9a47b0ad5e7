package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.TaskMessage;
import java.util.Map;

/**
 * A task being run: the decoded message, its arguments bound by parameter name, and where it reports custom states.
 */
public record TaskCall(TaskMessage message, Map<String, Object> arguments, StateUpdates states) {

    /** Stores a custom state for the running task. */
    @FunctionalInterface
    public interface StateUpdates {
        void update(String state, Map<String, Object> meta);
    }

    public String id() {
        return message.id();
    }

    public int retries() {
        return message.retries();
    }

    public Object argument(String name) {
        return arguments.get(name);
    }

    /**
     * Celery's {@code self.update_state(state=..., meta=...)}: the state is stored at once (durable when this
     * returns), e.g. {@code call.updateState("PROGRESS", Map.of("current", 1, "total", 3))}, which
     * {@code celery_progress} and {@code AsyncResult.info} read. The final SUCCESS/FAILURE replaces it.
     */
    public void updateState(String state, Map<String, Object> meta) {
        states.update(state, meta);
    }
}

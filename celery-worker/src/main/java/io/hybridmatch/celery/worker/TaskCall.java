package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.TaskMessage;
import java.util.Map;

/** A task being run: the decoded message and its arguments bound by parameter name. */
public record TaskCall(TaskMessage message, Map<String, Object> arguments) {

    public String id() {
        return message.id();
    }

    public int retries() {
        return message.retries();
    }

    public Object argument(String name) {
        return arguments.get(name);
    }
}

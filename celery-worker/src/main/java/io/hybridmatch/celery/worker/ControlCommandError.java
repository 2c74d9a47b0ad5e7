package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.ControlReplies;
import java.util.Map;

/**
 * A remote-control command that fails as the Python one does, carrying the reply Celery sends: kombu's
 * {@code {"error": repr(exc)}} when the command raises (e.g. {@code TypeError("rate_limit() missing 1 required
 * positional argument: 'rate_limit'")}), or the command's own {@code {"error": "<text>"}} ({@code nok}).
 */
public final class ControlCommandError extends RuntimeException {

    private final String pythonType;
    private final transient Map<String, Object> reply;

    private ControlCommandError(String pythonType, String message, Map<String, Object> reply) {
        super(message);
        this.pythonType = pythonType;
        this.reply = reply;
    }

    /** The command raised a Python exception of {@code pythonType}. */
    public static ControlCommandError raised(String pythonType, String message) {
        return new ControlCommandError(pythonType, pythonType + ": " + message,
                ControlReplies.raised(pythonType, message));
    }

    /** The command answered {@code nok(text)}. */
    public static ControlCommandError refused(String text) {
        return new ControlCommandError(null, text, ControlReplies.error(text));
    }

    /** The Python exception type raised, null for a {@code nok} answer. */
    public String pythonType() {
        return pythonType;
    }

    /** {@code repr(exc)} of the raised exception, or the {@code nok} text. */
    public String repr() {
        return (String) reply.get("error");
    }

    public Map<String, Object> reply() {
        return reply;
    }
}

package io.hybridmatch.celery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An exception as Celery's JSON result backends store it (celery/backends/base.py {@code prepare_exception}):
 * {@code {"exc_type", "exc_message": [args...], "exc_module"}}. On the Python side
 * {@code exception_to_python} looks the class up as {@code sys.modules[exc_module].<exc_type>} and calls it with the
 * message list; when the module is not loaded it creates an exception class of that name in celery.exceptions, so
 * {@code AsyncResult.get()} always raises something whose type name is exc_type.
 */
public record PythonException(String type, String module, List<Object> message) {

    public static final String BUILTINS = "builtins";

    public PythonException {
        message = JsonValues.unmodifiableCopy(message);
    }

    /** What mark_as_revoked stores (celery.exceptions.TaskRevokedError(reason)). */
    public static PythonException taskRevoked(String reason) {
        return new PythonException("TaskRevokedError", "celery.exceptions", List.of(reason));
    }

    /**
     * Maps a Java failure to something Python code can catch by its usual name:
     * <ul>
     * <li>{@link PythonError} → the Python exception it names</li>
     * <li>{@link IllegalArgumentException} (validation, bad input; also NumberFormatException) → builtins.ValueError
     * </li>
     * <li>{@link UnsupportedOperationException} → builtins.NotImplementedError</li>
     * <li>{@link java.util.concurrent.TimeoutException} → builtins.TimeoutError</li>
     * <li>anything else → the Java simple class name in a module named after its Java package (Python creates a
     * class of that name), so the Django side still sees e.g. {@code ElasticsearchException}.</li>
     * </ul>
     * The message list is {@code [getMessage()]}, or empty when there is none (Python's {@code exc.args}).
     */
    public static PythonException of(Throwable error) {
        List<Object> message = error.getMessage() == null ? List.of() : List.of(error.getMessage());
        return switch (error) {
            case PythonError e -> e.python();
            case IllegalArgumentException e -> new PythonException("ValueError", BUILTINS, message);
            case UnsupportedOperationException e -> new PythonException("NotImplementedError", BUILTINS, message);
            case java.util.concurrent.TimeoutException e -> new PythonException("TimeoutError", BUILTINS, message);
            default -> new PythonException(error.getClass().getSimpleName(), error.getClass().getPackageName(),
                    message);
        };
    }

    /** Python's repr of the exception, e.g. {@code ValueError('bad profile')}, as task events show it. */
    public String repr() {
        String args = PythonRepr.of(message);
        return type + "(" + args.substring(1, args.length() - 1) + ")";
    }

    /**
     * Python's {@code traceback.format_exception_only}: {@code "TypeError: add() missing ..."} and a newline, the
     * module named unless builtins; the traceback of an error raised before any frame of the task ran.
     */
    public String exceptionOnly() {
        String name = module == null || module.equals(BUILTINS) ? type : module + "." + type;
        String text = switch (message.size()) {
            case 0 -> "";
            case 1 -> message.getFirst() instanceof String single ? single : PythonRepr.of(message.getFirst());
            default -> PythonRepr.tuple(message);
        };
        return (text.isEmpty() ? name : name + ": " + text) + "\n";
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("exc_type", type);
        json.put("exc_message", message);
        json.put("exc_module", module);
        return json;
    }
}

package io.hybridmatch.celery;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One remote-control command from the {@code celery.pidbox} fanout exchange (kombu/pidbox.py {@code Mailbox._publish}):
 * body {@code {"method", "arguments", "destination", "pattern", "matcher", "ticket", "reply_to": {"exchange",
 * "routing_key"}}}, header {@code clock}. {@code replyTo} is null for a cast (no reply expected).
 */
public record ControlRequest(
        String method,
        Map<String, Object> arguments,
        List<String> destination,
        String pattern,
        String matcher,
        String ticket,
        Route replyTo,
        long clock) {

    public ControlRequest {
        arguments = JsonValues.unmodifiableCopy(arguments);
        destination = JsonValues.unmodifiableCopy(destination);
    }

    /**
     * Whether the worker named {@code hostname} must handle it, as kombu's {@code Node.handle_message}: listed in
     * destination, else matching pattern with matcher "glob" ({@code fnmatch}) or "pcre" ({@code re.match}: anchored
     * at the start only), else everyone.
     */
    public boolean isFor(String hostname) {
        if (!destination.isEmpty()) {
            return destination.contains(hostname);
        }
        if (pattern != null && matcher != null) {
            return switch (matcher) {
                case "glob" -> Pattern.matches(globToRegex(pattern), hostname);
                case "pcre" -> Pattern.compile(pattern).matcher(hostname).lookingAt();
                default -> false;
            };
        }
        return true;
    }

    /** Python's {@code fnmatch.translate}: {@code *}, {@code ?}, {@code [seq]} and {@code [!seq]}. */
    private static String globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? glob.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = glob.substring(i + 1, close).replace("\\", "\\\\");
                regex.append('[').append(set.startsWith("!") ? "^" + set.substring(1) : set).append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}

package io.hybridmatch.celery.worker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Python function signature without defaults' values: {@code names} in order, the first {@code required} of them
 * mandatory. Binding follows Python's rules and messages, so a wrong call fails with the {@code TypeError} text a
 * Python worker would give.
 */
public record TaskParameters(List<String> names, int required) {

    public TaskParameters {
        names = List.copyOf(names);
        if (required < 0 || required > names.size()) {
            throw new IllegalArgumentException("required must be within 0.." + names.size());
        }
    }

    public static TaskParameters required(String... names) {
        return new TaskParameters(List.of(names), names.length);
    }

    /** Binds positional and keyword arguments; missing optional parameters are absent from the map. */
    public Map<String, Object> bind(String function, List<Object> args, Map<String, Object> kwargs)
            throws TaskArgumentsException {
        if (args.size() > names.size()) {
            throw new TaskArgumentsException(function + "() takes " + count(names.size(), "positional argument")
                    + " but " + args.size() + (args.size() == 1 ? " was" : " were") + " given");
        }
        Map<String, Object> bound = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            bound.put(names.get(i), args.get(i));
        }
        for (Map.Entry<String, Object> kwarg : kwargs.entrySet()) {
            if (!names.contains(kwarg.getKey())) {
                throw new TaskArgumentsException(function + "() got an unexpected keyword argument '" + kwarg.getKey() + "'");
            }
            if (bound.containsKey(kwarg.getKey())) {
                throw new TaskArgumentsException(function + "() got multiple values for argument '" + kwarg.getKey() + "'");
            }
            bound.put(kwarg.getKey(), kwarg.getValue());
        }
        List<String> missing = names.subList(0, required).stream().filter(name -> !bound.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new TaskArgumentsException(function + "() missing " + count(missing.size(), "required positional argument")
                    + ": " + quoted(missing));
        }
        return bound;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** Python's list: 'a', 'a' and 'b', 'a', 'b', and 'c'. */
    private static String quoted(List<String> names) {
        List<String> q = names.stream().map(n -> "'" + n + "'").toList();
        if (q.size() == 1) {
            return q.getFirst();
        }
        String head = String.join(", ", q.subList(0, q.size() - 1));
        return head + (q.size() > 2 ? "," : "") + " and " + q.getLast();
    }

    /** The arguments do not fit the signature (Python's {@code TypeError}). */
    public static final class TaskArgumentsException extends Exception {
        public TaskArgumentsException(String message) {
            super(message);
        }
    }
}

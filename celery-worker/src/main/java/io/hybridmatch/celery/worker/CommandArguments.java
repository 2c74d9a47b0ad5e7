package io.hybridmatch.celery.worker;

import java.util.Map;

/**
 * The keyword arguments of a remote-control command, read as Python binds them to the command's function: a missing
 * required one is the TypeError Python raises, e.g. {@code rate_limit() missing 1 required positional argument:
 * 'rate_limit'}.
 */
public record CommandArguments(String command, Map<String, Object> values) {

    public Object get(String name) {
        return values.get(name);
    }

    public Object required(String name) {
        if (!values.containsKey(name)) {
            throw ControlCommandError.raised("TypeError",
                    command + "() missing 1 required positional argument: '" + name + "'");
        }
        return values.get(name);
    }

    public String string(String name) {
        Object value = values.get(name);
        return value == null ? null : String.valueOf(value);
    }

    public Integer integer(String name) {
        return values.get(name) instanceof Number n ? n.intValue() : null;
    }

    public Double number(String name) {
        return values.get(name) instanceof Number n ? n.doubleValue() : null;
    }

    public boolean flag(String name) {
        return switch (values.get(name)) {
            case Boolean b -> b;
            case String s -> s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("yes");
            case null, default -> false;
        };
    }
}

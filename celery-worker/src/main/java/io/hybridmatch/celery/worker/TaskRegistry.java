package io.hybridmatch.celery.worker;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * The tasks of this worker by Celery name, with Celery's canvas built-ins ({@link CanvasBuiltins}) unless a handler
 * takes their name; two handlers with one name are a configuration error.
 */
public final class TaskRegistry {

    private final Map<String, CeleryTaskHandler> byName = new TreeMap<>();

    public TaskRegistry(Collection<CeleryTaskHandler> handlers) {
        for (CeleryTaskHandler handler : handlers) {
            if (byName.put(handler.name(), handler) != null) {
                throw new IllegalStateException("two task handlers are named " + handler.name());
            }
        }
        CanvasBuiltins.handlers(byName::get).forEach(builtin -> byName.putIfAbsent(builtin.name(), builtin));
    }

    public Map<String, CeleryTaskHandler> byName() {
        return Collections.unmodifiableMap(byName);
    }
}

package io.hybridmatch.celery.worker;

import io.hybridmatch.celery.PythonError;
import io.hybridmatch.celery.PythonException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Celery's built-in tasks behind {@code xmap}, {@code xstarmap} and {@code chunks} (celery/app/builtins.py,
 * {@code celery.map} and {@code celery.starmap}): each calls a task of this worker in-process once per item — as
 * Celery calls the task object itself: no message, event or result of its own — and returns the list of results.
 * The task's own arguments in the signature are ignored, as Celery's are.
 */
final class CanvasBuiltins {

    private static final TaskParameters PARAMETERS = TaskParameters.required("task", "it");

    private CanvasBuiltins() {
    }

    /** @param registered this worker's task of a name, or null */
    static List<CeleryTaskHandler> handlers(Function<String, CeleryTaskHandler> registered) {
        return List.of(
                CeleryTaskHandler.of("celery.map", PARAMETERS, null, call -> each(call, registered, List::of)),
                CeleryTaskHandler.of("celery.starmap", PARAMETERS, null,
                        call -> each(call, registered, CanvasBuiltins::spread)));
    }

    private static List<Object> each(TaskCall call, Function<String, CeleryTaskHandler> registered,
                                     Function<Object, List<Object>> argumentsOf) throws Exception {
        String name = taskName(call.argument("task"));
        CeleryTaskHandler task = registered.apply(name);
        if (task == null) {
            throw new PythonError(new PythonException("NotRegistered", "celery.exceptions", List.of(name)));
        }
        if (!(call.argument("it") instanceof List<?> items)) {
            throw new PythonError("TypeError", "'it' must be a list, got " + typeOf(call.argument("it")));
        }
        List<Object> results = new ArrayList<>(items.size());
        for (Object item : items) {
            Map<String, Object> arguments;
            try {
                arguments = task.parameters().bind(TaskAdmission.shortName(name), argumentsOf.apply(item), Map.of());
            } catch (TaskParameters.TaskArgumentsException e) {
                throw new PythonError("TypeError", e.getMessage());
            }
            results.add(task.run(new TaskCall(call.message(), arguments, call.states())));
        }
        return results;
    }

    /** A signature (Celery sends its dict) or a task name. */
    private static String taskName(Object task) {
        Object name = task instanceof Map<?, ?> signature ? signature.get("task") : task;
        if (!(name instanceof String s)) {
            throw new PythonError("TypeError", "'task' must be a signature or a task name, got " + typeOf(task));
        }
        return s;
    }

    /** Python's {@code task(*item)}. */
    private static List<Object> spread(Object item) {
        if (!(item instanceof List<?> arguments)) {
            throw new PythonError("TypeError", "argument after * must be an iterable, not " + typeOf(item));
        }
        return new ArrayList<>(arguments);
    }

    private static String typeOf(Object value) {
        return value == null ? "NoneType" : value.getClass().getSimpleName();
    }
}

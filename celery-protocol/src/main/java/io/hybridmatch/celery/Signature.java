package io.hybridmatch.celery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Celery signature as it travels in {@code embed.callbacks}, {@code errbacks} and {@code chain}: the JSON object
 * {@code {"task", "args", "kwargs", "options", "subtask_type", "immutable"}} (celery/canvas.py {@code Signature}).
 * {@code subtaskType} is null for a plain task; "group", "chain" or "chord" mark canvas elements whose members sit in
 * {@code kwargs}.
 */
public record Signature(
        String task,
        List<Object> args,
        Map<String, Object> kwargs,
        Map<String, Object> options,
        String subtaskType,
        boolean immutable) {

    public Signature {
        args = JsonValues.unmodifiableCopy(args);
        kwargs = JsonValues.unmodifiableCopy(kwargs);
        options = JsonValues.unmodifiableCopy(options);
    }

    public static Signature of(String task, List<Object> args) {
        return new Signature(task, args, Map.of(), Map.of(), null, false);
    }

    /** True for a single task; false for group/chain/chord canvas elements. */
    public boolean isPlainTask() {
        return subtaskType == null;
    }

    /** The JSON object layout, keys in Celery's order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("task", task);
        json.put("args", args);
        json.put("kwargs", kwargs);
        json.put("options", options);
        json.put("subtask_type", subtaskType);
        json.put("immutable", immutable);
        return json;
    }

    /** Reads one signature object; {@code where} names it in the rejection reason. */
    static Signature fromJson(Object json, String where) throws RejectedMessageException {
        if (!(json instanceof Map<?, ?> map)) {
            throw new RejectedMessageException(RejectedMessageException.Reason.INVALID_SHAPE,
                    where + " is not a signature object");
        }
        Fields fields = new Fields(map, where);
        List<Object> args = fields.list("args");
        Map<String, Object> kwargs = fields.object("kwargs");
        Map<String, Object> options = fields.object("options");
        return new Signature(fields.requiredString("task"), args, kwargs, options, fields.string("subtask_type"),
                fields.bool("immutable"));
    }

    /** Reads a list of signatures, or null, as in embed.callbacks / errbacks / chain. */
    static List<Signature> listFromJson(Object json, String where) throws RejectedMessageException {
        if (json == null) {
            return List.of();
        }
        if (!(json instanceof List<?> list)) {
            throw new RejectedMessageException(RejectedMessageException.Reason.INVALID_SHAPE,
                    where + " is not a list of signatures");
        }
        List<Signature> signatures = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            signatures.add(fromJson(list.get(i), where + "[" + i + "]"));
        }
        return signatures;
    }
}

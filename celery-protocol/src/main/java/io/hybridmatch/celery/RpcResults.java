package io.hybridmatch.celery;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rpc:// result backend's reply (celery/backends/rpc.py {@code store_result}, {@code _to_result},
 * {@code destination_for}): a JSON message {@code {"task_id", "status", "result", "traceback", "children"}} (no
 * date_done) published through the default exchange to the request's {@code reply_to} queue, correlation_id = the
 * request's correlation_id (the task id), transient (result_persistent defaults to off).
 */
public final class RpcResults {

    private RpcResults() {
    }

    /** The reply for {@code request}, or empty when it has no reply_to (Celery then sends nothing). */
    public static Optional<OutgoingMessage> reply(TaskMessage request, TaskResult result) {
        String replyTo = request.replyTo();
        if (replyTo == null || replyTo.isEmpty()) {
            return Optional.empty();
        }
        String correlationId = request.properties().correlationId();
        AmqpProperties properties = AmqpProperties.json(correlationId != null ? correlationId : request.id(), null, 0,
                AmqpProperties.TRANSIENT, null);
        return Optional.of(new OutgoingMessage(Route.queue(replyTo), properties, Map.of(), body(result)));
    }

    static byte[] body(TaskResult result) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("task_id", result.taskId());
        meta.put("status", result.status());
        meta.put("result", result.resultJson());
        meta.put("traceback", result.traceback());
        meta.put("children", result.children());
        return CeleryJson.write(meta);
    }
}

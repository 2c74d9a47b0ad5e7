package io.hybridmatch.celery.worker;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.GetResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * Sends dead-lettered tasks back to the queue they came from, by hand once the dependency they waited for is back:
 * those dead-lettered with a given reason (by default tasks that gave up retrying) start again with
 * {@code retries = 0} and a fresh retry horizon; the others go back to the end of the dead-letter queue. Reads at
 * most the messages present when it starts, so it always ends. Safe for the indexing tasks, which are versioned:
 * a replayed update older than what is indexed is answered {@code stale}.
 */
public final class DeadLetterReplay {

    private static final long CONFIRM_TIMEOUT_MS = 30_000;

    private final Channel channel;

    /** {@code channel}: a channel of its own (put in confirm mode here). */
    public DeadLetterReplay(Channel channel) throws IOException {
        this.channel = channel;
        channel.confirmSelect();
    }

    /** What a replay did. */
    public record Outcome(int replayed, int kept) {
    }

    public Outcome replay(String deadLetterQueue, String reason) throws IOException, InterruptedException, TimeoutException {
        long present = channel.messageCount(deadLetterQueue);
        int replayed = 0;
        int kept = 0;
        for (long i = 0; i < present; i++) {
            GetResponse got = channel.basicGet(deadLetterQueue, false);
            if (got == null) {
                break;
            }
            Map<String, Object> headers = got.getProps().getHeaders() == null ? Map.of() : got.getProps().getHeaders();
            Object from = headers.get(DeadLetters.FROM_QUEUE);
            if (reason.equals(String.valueOf(headers.get(DeadLetters.REASON))) && from != null && !from.toString().isEmpty()) {
                channel.basicPublish("", from.toString(), got.getProps().builder().headers(fresh(headers)).build(), got.getBody());
                replayed++;
            } else {
                channel.basicPublish("", deadLetterQueue, got.getProps(), got.getBody());
                kept++;
            }
            channel.waitForConfirmsOrDie(CONFIRM_TIMEOUT_MS);
            channel.basicAck(got.getEnvelope().getDeliveryTag(), false);
        }
        return new Outcome(replayed, kept);
    }

    /** The task's headers as for a first attempt: no retry count, no retry start, no dead-letter marks. */
    private static Map<String, Object> fresh(Map<String, Object> headers) {
        Map<String, Object> out = new LinkedHashMap<>(headers);
        out.remove(DeadLetters.REASON);
        out.remove(DeadLetters.DETAIL);
        out.remove(DeadLetters.FROM_QUEUE);
        out.remove(TaskExecution.RETRYING_SINCE);
        if (out.containsKey("retries")) {
            out.put("retries", 0);
        }
        return out;
    }
}

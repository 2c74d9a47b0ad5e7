package io.hybridmatch.worker.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import io.hybridmatch.celery.worker.DeadLetters;
import io.hybridmatch.celery.worker.boot.WorkerProperties;
import io.hybridmatch.worker.faults.FaultRig.Worker;
import io.hybridmatch.worker.faults.MalformedMessages.Message;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Malformed Celery messages sent to the indexing worker, from a seeded generator ({@code -Dmalformed.seed}, printed),
 * among valid ones: every malformed message either ends FAILURE with a readable exception (what Django sees) or, when
 * Celery itself could not have read it, is dead-lettered with the reason; none is lost without trace, the worker
 * never stops consuming, and the profiles indexed before and after are all there at their versions.
 */
class MalformedMessagesIT {

    static final long SEED = Long.getLong("malformed.seed", 20_261_202L);
    static final int PER_KIND = Integer.getInteger("malformed.per-kind", 2);
    static final int KEPT = 10;
    static final Duration WAIT = Duration.ofMinutes(3);
    static final Set<String> FINAL = Set.of("SUCCESS", "FAILURE", "REVOKED");

    /** How one message ended. */
    enum Outcome {
        FAILURE_WITH_MESSAGE, DEAD_LETTERED_WITH_REASON, SUCCESS, FAILURE_WITHOUT_MESSAGE, NO_OUTCOME
    }

    @Test
    void malformedMessagesFailReadablyOrAreDeadLetteredAndNothingIndexedIsLost() throws Exception {
        FaultRig rig = FaultRig.shared();
        try (Worker worker = rig.worker(5672)) {
            String queue = worker.context().getBean(WorkerProperties.class).queue();
            MalformedMessages generator = new MalformedMessages(SEED, queue, 7_460_000L + SEED % 1_000 * 1_000);
            InfrastructureFaultsIT.Load kept = new InfrastructureFaultsIT.Load(worker);
            kept.awaitDone(kept.push(0, KEPT, InfrastructureFaultsIT.OLDER, "Kept profile"));

            List<Message> messages = generator.variants(PER_KIND);
            Map<Message, Outcome> outcomes = new LinkedHashMap<>();
            try (RawPublisher publisher = new RawPublisher(queue)) {
                for (Message message : messages) {
                    publisher.publish(message);
                }
            }
            // valid profiles after the malformed ones: the worker is still consuming and indexing
            kept.push(KEPT, 2 * KEPT, InfrastructureFaultsIT.NEWER, "Indexed after the malformed messages");

            Map<String, JsonNode> results = new LinkedHashMap<>();
            Map<String, String> deadLettered = new LinkedHashMap<>();
            awaitOutcomes(worker, queue, messages, results, deadLettered);
            for (Message message : messages) {
                outcomes.put(message, outcome(results.get(message.taskId()), deadLettered.get(message.taskId())));
            }
            long malformedRuns = outcomes.values().stream().filter(o -> o == Outcome.SUCCESS).count();
            FaultFigures figures = rig.figures("valid profiles around " + messages.size() + " malformed messages",
                    worker, malformedRuns, kept.tasks, kept.expected, WAIT).report();

            print(outcomes, deadLettered, results);
            assertThat(worker.context().getBean(RabbitListenerEndpointRegistry.class).getListenerContainers())
                    .as("the worker still consumes").allSatisfy(c -> assertThat(c.isRunning()).isTrue());
            assertThat(outcomes).as("every malformed message fails readably or is dead-lettered with its reason")
                    .allSatisfy((message, outcome) -> assertThat(outcome).as("%s", message)
                            .isIn(Outcome.FAILURE_WITH_MESSAGE, Outcome.DEAD_LETTERED_WITH_REASON, Outcome.SUCCESS));
            InfrastructureFaultsIT.assertNothingLost(figures, 0);
        }
    }

    private static Outcome outcome(JsonNode result, String deadLetterReason) {
        if (result != null && result.get("status").asString().equals("FAILURE")) {
            JsonNode exception = result.get("result");
            return !exception.path("exc_type").asString().isBlank() && !exception.path("exc_message").toString().isBlank()
                    && !exception.path("exc_message").toString().equals("[]")
                    ? Outcome.FAILURE_WITH_MESSAGE : Outcome.FAILURE_WITHOUT_MESSAGE;
        }
        if (result != null && result.get("status").asString().equals("SUCCESS")) {
            return Outcome.SUCCESS;
        }
        return deadLetterReason != null && !deadLetterReason.isBlank() ? Outcome.DEAD_LETTERED_WITH_REASON
                : Outcome.NO_OUTCOME;
    }

    /**
     * Polls results and the dead-letter queue until every message has a final result or a dead letter, or until
     * {@link #WAIT}. Dead letters are matched by correlation id (Celery's is the task id, and it survives a message
     * whose {@code id} header is gone); their value is reason and detail.
     */
    private static void awaitOutcomes(Worker worker, String queue, List<Message> messages, Map<String, JsonNode> results,
                                      Map<String, String> deadLettered) throws Exception {
        try (Connection connection = RawPublisher.connect(); Channel channel = connection.createChannel()) {
            long deadline = System.nanoTime() + WAIT.toNanos();
            boolean settled = false;
            while (!settled && System.nanoTime() < deadline) {
                for (GetResponse got; (got = channel.basicGet(DeadLetters.queueFor(queue), true)) != null; ) {
                    Map<String, Object> headers = got.getProps().getHeaders();
                    deadLettered.put(got.getProps().getCorrelationId(), headers.get(DeadLetters.REASON) + ": "
                            + headers.get(DeadLetters.DETAIL));
                }
                for (Message message : messages) {
                    worker.client().result(message.taskId()).filter(r -> FINAL.contains(r.get("status").asString()))
                            .ifPresent(r -> results.put(message.taskId(), r));
                }
                settled = messages.stream().allMatch(m -> results.containsKey(m.taskId()) || deadLettered.containsKey(m.taskId()));
                // a rejected task is dead-lettered just before its FAILURE is stored
                Thread.sleep(settled ? 2_000 : 200);
            }
            for (Message message : messages) {
                worker.client().result(message.taskId()).filter(r -> FINAL.contains(r.get("status").asString()))
                        .ifPresent(r -> results.put(message.taskId(), r));
            }
        }
    }

    private static void print(Map<Message, Outcome> outcomes, Map<String, String> deadLettered, Map<String, JsonNode> results) {
        Map<Outcome, Long> total = outcomes.values().stream()
                .collect(Collectors.groupingBy(o -> o, TreeMap::new, Collectors.counting()));
        Map<String, Map<Outcome, Long>> byKind = new TreeMap<>();
        outcomes.forEach((m, o) -> byKind.computeIfAbsent(m.kind(), k -> new TreeMap<>()).merge(o, 1L, Long::sum));
        StringBuilder out = new StringBuilder("MALFORMED CELERY MESSAGES (worker, seed " + SEED + "): " + outcomes.size()
                + " messages: " + total + "\n");
        byKind.forEach((kind, counts) -> out.append("  ").append(kind).append(": ").append(counts).append('\n'));
        outcomes.forEach((m, o) -> {
            JsonNode result = results.get(m.taskId());
            String why = result != null ? result.at("/result/exc_type").asString() + ": " + result.at("/result/exc_message")
                    : deadLettered.get(m.taskId());
            out.append("  ").append(o).append(" ").append(m.kind()).append(" -> ")
                    .append(why == null ? "-" : why.length() > 200 ? why.substring(0, 200) + "…" : why).append('\n');
        });
        System.out.print(out);
    }

    /** Publishes a message as given (properties, headers, body bytes) to the task queue, with a broker confirm. */
    private static final class RawPublisher implements AutoCloseable {

        private final Connection connection;
        private final Channel channel;
        private final String queue;

        RawPublisher(String queue) throws Exception {
            this.connection = connect();
            this.channel = connection.createChannel();
            this.queue = queue;
            channel.confirmSelect();
        }

        static Connection connect() throws Exception {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost("127.0.0.1");
            factory.setPort(5672);
            return factory.newConnection("malformed-messages");
        }

        void publish(Message message) throws Exception {
            channel.basicPublish("", queue, message.properties(), message.body());
            channel.waitForConfirmsOrDie(30_000);
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}

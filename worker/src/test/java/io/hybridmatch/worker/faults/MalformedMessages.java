package io.hybridmatch.worker.faults;

import com.rabbitmq.client.AMQP;
import io.hybridmatch.celery.Compression;
import io.hybridmatch.celery.OutgoingMessage;
import io.hybridmatch.celery.Route;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskMessageEncoder;
import io.hybridmatch.engine.RandomInput;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed Celery messages for the indexing worker, from a seeded generator (one seed, the same messages), each
 * derived from a valid {@code hybridmatch.index_candidate} message as Celery 5 sends it: bodies that are not JSON or
 * not Celery's {@code [args, kwargs, embed]}, missing or extra arguments, candidates with missing or invalid fields
 * (NaN, 1e400, wrong types, impossible dates), huge texts, too many items, deep nesting, unknown tasks, content types
 * and encodings Celery would not accept either, compression that is wrong or a bomb, payloads over the 10 MB limit,
 * invalid protocol headers.
 */
final class MalformedMessages {

    /** One message; {@code taskId} is where its result would be stored, if the message names one. */
    record Message(String kind, String taskId, AMQP.BasicProperties properties, byte[] body) {

        @Override
        public String toString() {
            String text = new String(body, 0, Math.min(body.length, 150), StandardCharsets.UTF_8);
            return kind + " (" + body.length + " bytes: " + text + (body.length > 150 ? "…" : "") + ")";
        }

        /** The same message with a raw token (not expressible as a JSON tree value) in place of {@code placeholder}. */
        Message rawReplace(String placeholder, String token) {
            return new Message(kind, taskId, properties,
                    new String(body, StandardCharsets.UTF_8).replace(placeholder, token).getBytes(StandardCharsets.UTF_8));
        }
    }

    static final int HUGE_TEXT_CHARS = 2 * 1024 * 1024;
    static final int OVER_LIMIT_BYTES = 11 * 1024 * 1024;
    static final int TOO_MANY_ITEMS = 5_000;
    static final int NESTING = 10_000;
    static final String TASK = "hybridmatch.index_candidate";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String MARK = "@@malformed@@";
    private static final List<String> CANDIDATE_FIELDS = List.of("candidate_id", "headline", "summary", "skills",
            "location", "updated_at", "experience_years");

    private final RandomInput input;
    private final Random random;
    private final String queue;
    private final long firstId;
    private final TaskMessageEncoder encoder = new TaskMessageEncoder(Clock.systemUTC(), "malformed@localhost");
    private long nextId;

    /** Candidate ids from {@code firstId} on, so the messages never touch the ids of other profiles. */
    MalformedMessages(long seed, String queue, long firstId) {
        this.input = new RandomInput(seed);
        this.random = input.random();
        this.queue = queue;
        this.firstId = firstId;
        this.nextId = firstId;
    }

    long firstId() {
        return firstId;
    }

    List<Message> variants(int perKind) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            out.add(rawBody("not JSON", input.pick(List.of("ids=1,2", "{'candidate': 1}", "[1,2,]", "\u0000\u0001garbage",
                    "[[{\"candidate_id\": 1}], {}, {}", "")).getBytes(StandardCharsets.UTF_8)));
            out.add(rawBody("invalid UTF-8", input.withInvalidUtf8(valid().body())));
            out.add(rawBody("not Celery's body shape", input.pick(List.of("{}", "[]", "[[]]", "\"text\"", "[1, 2, 3]", "null",
                    "[{}, [], {}]", "[[], \"kwargs\", {}]", "[[], {}, []]")).getBytes(StandardCharsets.UTF_8)));
            out.add(rawBody("deep JSON", ("[[" + "[".repeat(NESTING) + "]".repeat(NESTING) + "], {}, {}]")
                    .getBytes(StandardCharsets.UTF_8)));
            out.add(withArguments("missing argument", List.of()));
            out.add(withArguments("extra argument", List.of(candidate(), input.text(5))));
            out.add(withArguments("candidate not an object",
                    List.of(input.pick(List.of((Object) "Java developer", 42, List.of(1, 2))))));
            out.add(withCandidate("missing field", c -> c.remove(input.pick(List.of("candidate_id", "updated_at")))));
            out.add(withCandidate("null field", c -> c.set(input.pick(List.of("candidate_id", "updated_at")), NODES.nullNode())));
            out.add(withCandidate("wrong type", c -> c.set(input.pick(CANDIDATE_FIELDS), wrongType())));
            out.add(withRawToken("NaN", input.pick(List.of("candidate_id", "experience_years")),
                    input.pick(List.of("NaN", "-Infinity"))));
            out.add(withRawToken("1e400", input.pick(List.of("candidate_id", "experience_years")), input.pick(List.of("1e400", "-1e400",
                    "123456789012345678901234567890"))));
            out.add(withCandidate("invalid id", c -> c.set("candidate_id", input.pick(List.of(NODES.numberNode(-1),
                    NODES.numberNode(0), NODES.numberNode(3.5), NODES.stringNode("abc"))))));
            out.add(withCandidate("impossible date", c -> c.put("updated_at", input.pick(List.of("yesterday", "2026-13-45T99:00:00Z",
                    "", "1970-01-01", "+999999999-12-31T23:59:59Z", "1960-01-01T00:00:00Z")))));
            out.add(withCandidate("huge text", c -> c.put(input.pick(List.of("headline", "summary")), input.text(HUGE_TEXT_CHARS))));
            out.add(withCandidate("too many items", c -> {
                ArrayNode skills = NODES.arrayNode();
                for (int s = 0; s < TOO_MANY_ITEMS; s++) {
                    skills.add("skill " + s);
                }
                c.set("skills", skills);
            }));
            out.add(withCandidate("deep field", c -> c.put("location", MARK)).rawReplace("\"" + MARK + "\"",
                    "[".repeat(NESTING) + "]".repeat(NESTING)));
            out.add(withCandidate("oversized payload", c -> c.put("summary", input.text(OVER_LIMIT_BYTES))));
            out.add(withHeaders("unknown task", h -> h.put("task", input.pick(List.of("hybridmatch.index_candidat",
                    "hybridmatch.drop_all", "os.system", "")))));
            out.add(withHeaders("invalid header", h -> {
                switch (random.nextInt(5)) {
                    case 0 -> h.put("eta", "tomorrow");
                    case 1 -> h.put("expires", 42);
                    case 2 -> h.put("retries", "many");
                    case 3 -> h.put("timelimit", List.of(1));
                    default -> h.remove("task");
                }
            }));
            out.add(withHeaders("no task id", h -> h.remove("id")));
            out.add(withProperties("wrong content type", p -> p.contentType(input.pick(List.of("application/x-python-serialize",
                    "application/x-yaml", "application/xml", "text/plain")))));
            out.add(withProperties("no content type", p -> p.contentType(null)));
            out.add(withProperties("wrong content encoding", p -> p.contentEncoding(input.pick(List.of("utf-16", "binary",
                    "utf-32", "ebcdic")))));
            out.add(compressed("unknown compression", input.pick(List.of("application/x-lz4", "brotli", "snappy")), null));
            out.add(compressed("corrupt compression", input.pick(List.of("application/x-gzip", "application/x-bz2",
                    "application/x-lzma")), null));
            out.add(compressed("compression bomb", "application/x-gzip",
                    Compression.ZLIB.compress(new byte[64 * 1024 * 1024])));
        }
        return out;
    }

    /** A valid candidate of an id of this generator. */
    Map<String, Object> candidate() {
        return FaultRig.candidate(nextId++, Instant.parse("2026-11-20T10:00:00Z"), "Java developer");
    }

    private OutgoingMessage valid() {
        return valid(List.of(candidate()));
    }

    private OutgoingMessage valid(List<Object> args) {
        return encoder.encode(TaskMessage.builder(UUID.randomUUID().toString(), TASK).args(args).build(), Route.queue(queue));
    }

    private Message rawBody(String kind, byte[] body) {
        OutgoingMessage valid = valid();
        return new Message(kind, id(valid), properties(valid, valid.headers()).build(), body);
    }

    private Message withArguments(String kind, List<Object> args) {
        OutgoingMessage message = valid(args);
        return new Message(kind, id(message), properties(message, message.headers()).build(), message.body());
    }

    /** A message whose candidate {@code change} edits; {@link Message#rawReplace} may then put raw tokens in. */
    private Message withCandidate(String kind, Consumer<ObjectNode> change) {
        OutgoingMessage valid = valid();
        ArrayNode body = (ArrayNode) JSON.readTree(valid.body());
        change.accept((ObjectNode) body.get(0).get(0));
        return new Message(kind, id(valid), properties(valid, valid.headers()).build(),
                JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
    }

    private Message withRawToken(String kind, String field, String token) {
        return withCandidate(kind, c -> c.put(field, MARK)).rawReplace("\"" + MARK + "\"", token);
    }

    private Message withHeaders(String kind, Consumer<Map<String, Object>> change) {
        OutgoingMessage valid = valid();
        Map<String, Object> headers = new HashMap<>(valid.headers());
        change.accept(headers);
        return new Message(kind, id(valid), properties(valid, headers).build(), valid.body());
    }

    private Message withProperties(String kind, Consumer<AMQP.BasicProperties.Builder> change) {
        OutgoingMessage valid = valid();
        AMQP.BasicProperties.Builder properties = properties(valid, valid.headers());
        change.accept(properties);
        return new Message(kind, id(valid), properties.build(), valid.body());
    }

    /** {@code body} null: the valid body, uncompressed, under a compression header (so it cannot be inflated). */
    private Message compressed(String kind, String compression, byte[] body) {
        OutgoingMessage valid = valid();
        Map<String, Object> headers = new HashMap<>(valid.headers());
        headers.put("compression", compression);
        return new Message(kind, id(valid), properties(valid, headers).build(), body == null ? valid.body() : body);
    }

    private static String id(OutgoingMessage message) {
        return (String) message.headers().get("id");
    }

    private static AMQP.BasicProperties.Builder properties(OutgoingMessage message, Map<String, Object> headers) {
        var p = message.properties();
        return new AMQP.BasicProperties.Builder().contentType(p.contentType()).contentEncoding(p.contentEncoding())
                .correlationId(p.correlationId()).priority(p.priority()).deliveryMode(p.deliveryMode())
                .headers(headers);
    }

    private JsonNode wrongType() {
        return input.pick(List.of(NODES.stringNode(input.text(8)), NODES.numberNode(random.nextLong()), NODES.booleanNode(true),
                NODES.arrayNode().add(NODES.objectNode()), NODES.objectNode().put("k", input.text(4)), NODES.numberNode(random.nextDouble())));
    }

}

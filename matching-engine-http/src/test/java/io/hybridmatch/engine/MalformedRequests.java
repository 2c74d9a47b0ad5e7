package io.hybridmatch.engine;

import io.hybridmatch.engine.SampleCalls.Call;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Malformed variants of a valid request, from a seeded generator (one seed, the same requests): numbers JSON or
 * Java cannot hold (NaN, Infinity, 1e400), 2 MB texts, 5,000 items, nesting 10,000 deep, random JSON, wrong types,
 * missing, null and unknown fields, truncated, non-UTF-8 and non-JSON bodies, non-object bodies, wrong content
 * types, bad path variables and query values, unexpected bodies and methods.
 */
final class MalformedRequests {

    /** One request; {@code contentType} null: no Content-Type header; {@code body} null: none. */
    record Request(String operation, String kind, String method, String pathAndQuery, String contentType, byte[] body) {

        @Override
        public String toString() {
            return operation + " / " + kind + " (" + method + " " + abbreviate(pathAndQuery) + ", "
                    + (body == null ? "no body" : body.length + " bytes: " + abbreviate(new String(body, StandardCharsets.UTF_8))) + ")";
        }

        private static String abbreviate(String text) {
            return text.length() <= 120 ? text : text.substring(0, 120) + "…";
        }
    }

    static final int HUGE_TEXT_CHARS = 2 * 1024 * 1024;
    static final int TOO_MANY_ITEMS = 5_000;
    static final int NESTING = 10_000;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands in the tree for a raw token that no JSON tree can hold (NaN, 1e400, deep nesting). */
    private static final String MARK = "@@malformed@@";
    private static final String JSON_TYPE = "application/json";
    private static final List<String> WRONG_CONTENT_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/octet-stream");
    private static final List<String> BAD_PATH_VALUES = List.of("nope", "..%2F..%2Fetc%2Fpasswd", "%00", "-1", "1e400",
            "NaN", "99999999999999999999999", "%F0%9F%92%A5", "a%20b");
    private static final List<String> BAD_QUERY_VALUES = List.of("NaN", "1e400", "-1", "0", "abc", "99999999999999999999",
            "%FF", "");
    private static final List<String> WRONG_METHODS = List.of("PUT", "PATCH", "DELETE");

    private final RandomInput input;
    private final Random random;

    MalformedRequests(long seed) {
        this.input = new RandomInput(seed);
        this.random = input.random();
    }

    /** {@code perKind} variants of each kind that applies to {@code call}. */
    List<Request> variants(Call call, int perKind) {
        List<Request> out = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            if (call.body() != null) {
                bodyVariants(call, out);
            } else {
                out.add(new Request(call.operationId(), "unexpected body", call.method(), call.path(), JSON_TYPE,
                        bytes(JSON.writeValueAsString(randomJson(3)))));
            }
            pathVariants(call, out);
            out.add(new Request(call.operationId(), "wrong method", input.pick(WRONG_METHODS), call.path(),
                    call.body() == null ? null : JSON_TYPE, call.body() == null ? null : bytes(call.body())));
        }
        return out;
    }

    private void bodyVariants(Call call, List<Request> out) {
        JsonNode valid = JSON.readTree(call.body());
        out.add(body(call, "NaN", withRawToken(valid, input.pick(List.of("NaN", "-NaN", "\"NaN\"")))));
        out.add(body(call, "Infinity", withRawToken(valid, input.pick(List.of("Infinity", "-Infinity", "\"Infinity\"")))));
        out.add(body(call, "1e400", withRawToken(valid, input.pick(List.of("1e400", "-1e400", "1e-400", "123456789012345678901234567890")))));
        out.add(body(call, "huge text", withValue(valid, NODES.stringNode(input.text(HUGE_TEXT_CHARS)))));
        out.add(body(call, "too many items", tooManyItems(valid)));
        out.add(body(call, "deep JSON", withRawToken(valid, "[".repeat(NESTING) + "]".repeat(NESTING))));
        out.add(body(call, "deep JSON object", "{\"a\":".repeat(NESTING) + "1" + "}".repeat(NESTING)));
        out.add(body(call, "random JSON", JSON.writeValueAsString(randomJson(4))));
        out.add(body(call, "random JSON value", withValue(valid, randomJson(3))));
        out.add(body(call, "wrong type", withValue(valid, wrongType())));
        out.add(body(call, "missing field", withoutField(valid)));
        out.add(body(call, "null field", withField(valid, NODES.nullNode())));
        out.add(body(call, "unknown field", withUnknownField(valid)));
        String text = JSON.writeValueAsString(valid);
        out.add(body(call, "truncated", text.substring(0, random.nextInt(text.length()))));
        out.add(new Request(call.operationId(), "invalid UTF-8", call.method(), call.path(), JSON_TYPE,
                input.withInvalidUtf8(bytes(text))));
        out.add(body(call, "not JSON", input.pick(List.of("ids=1,2", "<xml/>", "{'single': 'quotes'}", "{a:1}", "\u0000\u0001",
                "{\"a\":1}{\"b\":2}", "[1,2,]"))));
        out.add(body(call, "empty body", ""));
        out.add(body(call, "not an object", input.pick(List.of("[" + text + "]", "42", "null", "\"text\"", "true", "[]"))));
        out.add(new Request(call.operationId(), "wrong content type", call.method(), call.path(), input.pick(WRONG_CONTENT_TYPES),
                bytes(call.body())));
        out.add(new Request(call.operationId(), "no content type", call.method(), call.path(), null, bytes(call.body())));
    }

    private void pathVariants(Call call, List<Request> out) {
        String[] pathAndQuery = call.path().split("\\?", 2);
        String[] segments = pathAndQuery[0].split("/");
        if (segments.length > 2) {
            String[] bad = Arrays.copyOf(segments, segments.length);
            int at = 2 + random.nextInt(segments.length - 2);
            bad[at] = random.nextBoolean() ? input.pick(BAD_PATH_VALUES) : "x".repeat(10_000);
            String path = String.join("/", bad) + (pathAndQuery.length > 1 ? "?" + pathAndQuery[1] : "");
            out.add(new Request(call.operationId(), "bad path variable", call.method(), path,
                    call.body() == null ? null : JSON_TYPE, call.body() == null ? null : bytes(call.body())));
        }
        if (pathAndQuery.length > 1) {
            String name = pathAndQuery[1].split("=", 2)[0];
            out.add(new Request(call.operationId(), "bad query value", call.method(),
                    pathAndQuery[0] + "?" + name + "=" + input.pick(BAD_QUERY_VALUES), null, null));
            out.add(new Request(call.operationId(), "huge query value", call.method(),
                    pathAndQuery[0] + "?" + name + "=" + "9".repeat(5_000) + "&tenant_id="
                            + URLEncoder.encode(input.text(1_000), StandardCharsets.UTF_8), null, null));
        }
    }

    private Request body(Call call, String kind, String body) {
        return new Request(call.operationId(), kind, call.method(), call.path(), JSON_TYPE, bytes(body));
    }

    /** Where a value sits in a tree: a field of an object or an element of an array. */
    private record Slot(JsonNode parent, String field, int index) {

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }
    }

    /** Every field, and every element of the first 3 of each array (a vector would otherwise take every pick). */
    private static List<Slot> slots(JsonNode node, boolean fieldsOnly) {
        List<Slot> out = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                out.add(new Slot(object, name, -1));
                out.addAll(slots(object.get(name), fieldsOnly));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < Math.min(3, array.size()); i++) {
                if (!fieldsOnly) {
                    out.add(new Slot(array, null, i));
                }
                out.addAll(slots(array.get(i), fieldsOnly));
            }
        }
        return out;
    }

    private String withValue(JsonNode valid, JsonNode value) {
        JsonNode copy = valid.deepCopy();
        List<Slot> slots = slots(copy, false);
        if (slots.isEmpty()) {
            return JSON.writeValueAsString(value);
        }
        input.pick(slots).set(value);
        return JSON.writeValueAsString(copy);
    }

    private String withField(JsonNode valid, JsonNode value) {
        JsonNode copy = valid.deepCopy();
        input.pick(slots(copy, true)).set(value);
        return JSON.writeValueAsString(copy);
    }

    private String withRawToken(JsonNode valid, String token) {
        return withValue(valid, NODES.stringNode(MARK)).replace("\"" + MARK + "\"", token);
    }

    private String withoutField(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        Slot slot = input.pick(slots(copy, true));
        ((ObjectNode) slot.parent()).remove(slot.field());
        return JSON.writeValueAsString(copy);
    }

    private String withUnknownField(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<JsonNode> objects = new ArrayList<>(List.of(copy));
        slots(copy, true).stream().map(Slot::get).filter(JsonNode::isObject).forEach(objects::add);
        ((ObjectNode) input.pick(objects)).set(input.pick(List.of("tenant", "extra", "topK", "__proto__", "id ")), randomJson(2));
        return JSON.writeValueAsString(copy);
    }

    /** An array of the body (or the body's first field, if it has none) grown to {@link #TOO_MANY_ITEMS}. */
    private String tooManyItems(JsonNode valid) {
        JsonNode copy = valid.deepCopy();
        List<Slot> arrays = slots(copy, true).stream().filter(s -> s.get().isArray() && !s.get().isEmpty()).toList();
        Slot slot = arrays.isEmpty() ? input.pick(slots(copy, true)) : input.pick(arrays);
        JsonNode item = slot.get().isArray() ? slot.get().get(0) : slot.get();
        ArrayNode many = NODES.arrayNode();
        for (int i = 0; i < TOO_MANY_ITEMS; i++) {
            many.add(item.deepCopy());
        }
        slot.set(many);
        return JSON.writeValueAsString(copy);
    }

    /** A value of another JSON type than the one of a random slot. */
    private JsonNode wrongType() {
        List<JsonNode> candidates = List.of(NODES.stringNode(input.text(8)), NODES.numberNode(random.nextLong()),
                NODES.numberNode(random.nextDouble() * 1e6), NODES.booleanNode(random.nextBoolean()), NODES.arrayNode(),
                NODES.objectNode().put("k", input.text(4)), NODES.arrayNode().add(input.text(3)).add(random.nextInt()));
        return input.pick(candidates);
    }

    private JsonNode randomJson(int depth) {
        int kind = random.nextInt(depth <= 0 ? 5 : 7);
        return switch (kind) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.booleanNode(random.nextBoolean());
            case 2 -> NODES.numberNode(random.nextLong());
            case 3 -> NODES.numberNode(random.nextGaussian() * Math.pow(10, random.nextInt(300)));
            case 4 -> NODES.stringNode(input.text(random.nextInt(40)));
            case 5 -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = NODES.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    object.set(input.pick(List.of("index", "ids", "vector", "texts", "items", "top_k", "job_offer_id",
                            "candidate", "filters", input.text(5))), randomJson(depth - 1));
                }
                yield object;
            }
        };
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}

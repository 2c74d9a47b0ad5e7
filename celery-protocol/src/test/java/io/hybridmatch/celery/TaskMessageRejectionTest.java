package io.hybridmatch.celery;

import static io.hybridmatch.celery.RejectedMessageException.Reason.BODY_TOO_LARGE;
import static io.hybridmatch.celery.RejectedMessageException.Reason.INVALID_SHAPE;
import static io.hybridmatch.celery.RejectedMessageException.Reason.MALFORMED_JSON;
import static io.hybridmatch.celery.RejectedMessageException.Reason.UNSUPPORTED_CONTENT_ENCODING;
import static io.hybridmatch.celery.RejectedMessageException.Reason.UNSUPPORTED_CONTENT_TYPE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskMessageRejectionTest {

    private final TaskMessageDecoder decoder = new TaskMessageDecoder();
    private final Samples.Delivery sample = Samples.taskMessage(0);

    private RejectedMessageException reject(AmqpProperties properties, Map<String, Object> headers, byte[] body) {
        return catchThrowableOfType(RejectedMessageException.class,
                () -> decoder.decode(properties, headers, body));
    }

    private RejectedMessageException rejectBody(String body) {
        return reject(sample.properties(), sample.headers(), body.getBytes(StandardCharsets.UTF_8));
    }

    private RejectedMessageException rejectHeader(String name, Object value) {
        Map<String, Object> headers = new LinkedHashMap<>(sample.headers());
        headers.put(name, value);
        return reject(sample.properties(), headers, sample.body());
    }

    private static AmqpProperties contentType(String type) {
        return new AmqpProperties(type, "binary", null, null, null, null, null);
    }

    /** A pickle payload (protocol 2 'cos\nsystem\n...'): must be refused on its content type, never parsed. */
    private static final byte[] PICKLE = "\u0080\u0002cos\nsystem\n(S'touch /tmp/pwned'\ntR.".getBytes(
            StandardCharsets.ISO_8859_1);

    @ParameterizedTest
    @ValueSource(strings = {"application/x-python-serialize", "application/x-yaml", "application/x-msgpack",
            "application/data", "text/plain", "application/jsonx"})
    void refusesEveryContentTypeButJsonWithoutReadingTheBody(String type) {
        RejectedMessageException e = reject(contentType(type), sample.headers(), PICKLE);

        assertThat(e.reason()).isEqualTo(UNSUPPORTED_CONTENT_TYPE);
        assertThat(e.getMessage()).contains("'" + type + "'").contains("not deserialised");
    }

    @Test
    void refusesAMissingContentType() {
        RejectedMessageException e = reject(contentType(null), sample.headers(), sample.body());

        assertThat(e.reason()).isEqualTo(UNSUPPORTED_CONTENT_TYPE);
    }

    @Test
    void quotesWireTextInReasonsShortAndWithoutControlCharacters() {
        String forged = "application/evil\nINFO fake log line" + "x".repeat(500);

        String reason = reject(contentType(forged), sample.headers(), sample.body()).getMessage();

        assertThat(reason).doesNotContain("\n").contains("application/evil?INFO fake log line").hasSizeLessThan(200);
    }

    @Test
    void refusesJsonInAnotherCharset() {
        AmqpProperties latin1 = new AmqpProperties("application/json", "latin-1", null, null, null, null, null);

        RejectedMessageException e = reject(latin1, sample.headers(), sample.body());

        assertThat(e.reason()).isEqualTo(UNSUPPORTED_CONTENT_ENCODING);
        assertThat(e.getMessage()).contains("latin-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[[], {}, {", "not json", "[[], {}, {}] trailing", "{'task': 'python repr'}"})
    void refusesMalformedJson(String body) {
        assertThat(rejectBody(body).reason()).isEqualTo(MALFORMED_JSON);
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] body = {'[', '[', '"', (byte) 0xC3, (byte) 0x28, '"', ']', ',', '{', '}', ',', '{', '}', ']'};

        assertThat(reject(sample.properties(), sample.headers(), body).reason()).isEqualTo(MALFORMED_JSON);
    }

    @Test
    void refusesDeepNestingAndHugeNumbersAsMalformedInsteadOfOverflowing() {
        assertThat(rejectBody("[[], {}, {\"x\": " + "[".repeat(100_000) + "]}]").reason()).isEqualTo(MALFORMED_JSON);
        assertThat(rejectBody("[[" + "9".repeat(10_000) + "], {}, {}]").reason()).isEqualTo(MALFORMED_JSON);
    }

    @Test
    void refusesAnEmptyBody() {
        RejectedMessageException e = reject(sample.properties(), sample.headers(), new byte[0]);

        assertThat(e.reason()).isEqualTo(INVALID_SHAPE);
        assertThat(e.getMessage()).contains("empty body");
    }

    @Test
    void refusesA50MegabyteBodyWithoutParsingIt() {
        byte[] body = new byte[50 * 1024 * 1024];
        Arrays.fill(body, (byte) '[');

        RejectedMessageException e = reject(sample.properties(), sample.headers(), body);

        assertThat(e.reason()).isEqualTo(BODY_TOO_LARGE);
        assertThat(e.getMessage()).contains("52428800 bytes").contains("limit is 10485760");
    }

    @Test
    void appliesAConfiguredLimit() throws Exception {
        TaskMessageDecoder small = new TaskMessageDecoder(sample.body().length);
        small.decode(sample.properties(), sample.headers(), sample.body());
        byte[] oneMore = Arrays.copyOf(sample.body(), sample.body().length + 1);
        oneMore[oneMore.length - 1] = ' ';

        assertThat(catchThrowableOfType(RejectedMessageException.class,
                () -> small.decode(sample.properties(), sample.headers(), oneMore)).reason())
                .isEqualTo(BODY_TOO_LARGE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "[[], {}]                                  | body must be [args, kwargs, embed], got a list of 2",
            "[[], {}, {}, {}]                          | body must be [args, kwargs, embed], got a list of 4",
            "{\"args\": []}                            | body must be [args, kwargs, embed], got an object",
            "\"text\"                                  | body must be [args, kwargs, embed], got a String",
            "[{}, {}, {}]                              | body 'args' is not a list",
            "[[], [], {}]                              | body 'kwargs' is not an object",
            "[[], null, {}]                            | body 'kwargs' is null",
            "[[], {}, null]                            | body 'embed' is null",
            "[[], {}, {\"callbacks\": {}}]             | callbacks is not a list of signatures",
            "[[], {}, {\"callbacks\": [\"t\"]}]        | callbacks[0] is not a signature object",
            "[[], {}, {\"errbacks\": [{\"args\": []}]}] | errbacks[0] 'task' is missing",
            "[[], {}, {\"chain\": [{\"task\": \"t\", \"args\": {}}]}] | chain[0] 'args' is not a list",
            "[[], {}, {\"chord\": [1]}]                | chord is not a signature object",
    })
    void refusesWrongV2BodyShapes(String body, String reason) {
        RejectedMessageException e = rejectBody(body);

        assertThat(e.reason()).isEqualTo(INVALID_SHAPE);
        assertThat(e.getMessage()).contains(reason);
    }

    @Test
    void refusesMissingTaskIdAndName() {
        assertThat(rejectHeader("id", null).getMessage()).contains("header 'id' is missing");
        assertThat(rejectHeader("id", "").getMessage()).contains("header 'id' is missing");
        assertThat(rejectHeader("task", "").getMessage()).contains("header 'task' is missing");
    }

    @Test
    void refusesWronglyTypedHeaders() {
        assertThat(rejectHeader("retries", "1").getMessage()).contains("header 'retries' is not an integer");
        assertThat(rejectHeader("retries", 1.5).getMessage()).contains("header 'retries' is not an integer");
        assertThat(rejectHeader("timelimit", List.of(1)).getMessage()).contains("'timelimit' is not [hard, soft]");
        assertThat(rejectHeader("timelimit", List.of("1", "2")).getMessage()).contains("'timelimit'");
        assertThat(rejectHeader("eta", "tomorrow").getMessage())
                .contains("header 'eta' is not an ISO-8601 timestamp: tomorrow");
        assertThat(rejectHeader("ignore_result", "yes").getMessage()).contains("'ignore_result' is not a boolean");
        assertThat(rejectHeader("root_id", 5).getMessage()).contains("'root_id' is not a string");
    }

    @Test
    void refusesV1BodiesWithoutIdOrWithWrongTypes() {
        AmqpProperties json = TaskMessageDecoderTest.json();
        byte[] noId = "{\"task\": \"t\", \"args\": []}".getBytes(StandardCharsets.UTF_8);
        byte[] badKwargs = "{\"task\": \"t\", \"id\": \"1\", \"kwargs\": []}".getBytes(StandardCharsets.UTF_8);

        assertThat(reject(json, Map.of(), noId).getMessage()).contains("v1 body 'id' is missing");
        assertThat(reject(json, null, badKwargs).getMessage()).contains("v1 body 'kwargs' is not an object");
        assertThat(reject(json, Map.of(), "[[], {}, {}]".getBytes(StandardCharsets.UTF_8)).getMessage())
                .contains("no 'task' header (protocol v2) and the body is not a protocol v1 object, got a list of 3");
    }
}

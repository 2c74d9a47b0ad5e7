package io.hybridmatch.celery;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON the way kombu's json serializer (Python's {@code json}) reads and writes it. Reading accepts NaN and
 * Infinity like {@code json.loads}. Writing matches {@code json.dumps} defaults byte for byte on the shapes Celery
 * produces: {@code ", "} and {@code ": "} separators, non-ASCII written as lowercase hex escapes
 * ({@code ensure_ascii=True}), bare NaN.
 * Python's loads does not care about layout, but identical bytes make a Java message indistinguishable on the wire.
 */
final class CeleryJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .defaultPrettyPrinter(new PythonSeparators())
            .build();

    private CeleryJson() {
    }

    /** Parses to plain Java values: Map, List, String, Integer/Long/BigInteger, Double, Boolean, null. */
    static Object read(byte[] json) throws JacksonException {
        return MAPPER.readValue(json, Object.class);
    }

    /** Any value Jackson can write, as the plain Java values it would read back (records become maps). */
    static Object toPlain(Object value) {
        return MAPPER.convertValue(value, Object.class);
    }

    static byte[] write(Object value) {
        return MAPPER.writer().withDefaultPrettyPrinter().writeValueAsBytes(value);
    }

    /** Python's default separators: a space after ',' and ':' and nothing else. */
    private static final class PythonSeparators extends MinimalPrettyPrinter {
        @Override
        public void writeObjectNameValueSeparator(JsonGenerator g) {
            g.writeRaw(": ");
        }

        @Override
        public void writeObjectEntrySeparator(JsonGenerator g) {
            g.writeRaw(", ");
        }

        @Override
        public void writeArrayValueSeparator(JsonGenerator g) {
            g.writeRaw(", ");
        }
    }
}

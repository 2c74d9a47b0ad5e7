package io.hybridmatch.celery;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.MinimalPrettyPrinter;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * JSON the way kombu's json serializer (Python's {@code json}) reads and writes it. Reading accepts NaN and
 * Infinity like {@code json.loads}. Writing matches {@code json.dumps} defaults byte for byte on the shapes Celery
 * produces: {@code ", "} and {@code ": "} separators, non-ASCII written as lowercase hex escapes
 * ({@code ensure_ascii=True}), floats as Python's repr ({@code 1795572168.4783936}, not {@code 1.79E9}), bare NaN.
 * Python's loads does not care about layout, but identical bytes make a Java message indistinguishable on the wire.
 */
final class CeleryJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .defaultPrettyPrinter(new PythonSeparators())
            .addModule(new SimpleModule("python-floats")
                    .addSerializer(Double.class, new PythonFloats())
                    .addSerializer(Double.TYPE, new PythonFloats()))
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

    /** float.__repr__, and NaN/Infinity/-Infinity as json.dumps writes them. */
    private static final class PythonFloats extends StdSerializer<Double> {
        PythonFloats() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator g, SerializationContext context) {
            if (value.isNaN()) {
                g.writeNumber("NaN");
            } else if (value.isInfinite()) {
                g.writeNumber(value > 0 ? "Infinity" : "-Infinity");
            } else {
                g.writeNumber(PythonRepr.floatRepr(value));
            }
        }
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

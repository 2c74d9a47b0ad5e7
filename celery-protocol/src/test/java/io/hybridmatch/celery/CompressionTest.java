package io.hybridmatch.celery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** Compressed task messages as Celery 5.2.6 publishes them (canvas-samples.celery-5.2.6.json, "compressed"). */
class CompressionTest {

    private final TaskMessageDecoder decoder = new TaskMessageDecoder();

    private static Samples.Delivery recorded(String method) {
        JsonNode m = Samples.resource("canvas-samples.celery-5.2.6.json").get("compressed").get(method);
        return Samples.delivery(m, HexFormat.of().parseHex(m.get("body_hex").stringValue()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "zlib", "bzip2", "lzma"})
    void decodesEveryCompressionKombuHasHere(String method) throws Exception {
        Samples.Delivery d = recorded(method);

        TaskMessage task = decoder.decode(d.properties(), d.headers(), d.body());

        assertThat(task.task()).isEqualTo("rc.add");
        assertThat(task.args()).containsExactly(2, 3);
        assertThat(task.id()).isEqualTo(d.headers().get("id"));
        assertThat(task.extraHeaders()).doesNotContainKey("compression");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip", "bzip2", "lzma"})
    void compressesAsPythonDoes(String method) throws Exception {
        Samples.Delivery d = recorded(method);
        Compression compression = Compression.named((String) d.headers().get("compression"));
        byte[] plain = compression.decompress(d.body(), 1 << 20);

        assertThat(compression.compress(plain)).isEqualTo(d.body());
    }

    @Test
    void aliasesAreKombus() throws Exception {
        assertThat(Compression.named("zlib")).isEqualTo(Compression.ZLIB);
        assertThat(Compression.named("gzip")).isEqualTo(Compression.ZLIB);
        assertThat(Compression.named("bzip")).isEqualTo(Compression.BZIP2);
        assertThat(Compression.named("xz")).isEqualTo(Compression.LZMA);
        assertThat(Compression.named("application/x-lzma")).isEqualTo(Compression.LZMA);
    }

    @Test
    void aZipBombIsRefusedWhileDecompressing() {
        Samples.Delivery d = recorded("gzip");
        byte[] bomb = Compression.ZLIB.compress(new byte[16 * 1024 * 1024]);
        assertThat(bomb.length).isLessThan(50_000);

        RejectedMessageException e = catchThrowableOfType(RejectedMessageException.class,
                () -> decoder.decode(d.properties(), d.headers(), bomb));

        assertThat(e.reason()).isEqualTo(RejectedMessageException.Reason.BODY_TOO_LARGE);
        assertThat(e.getMessage()).contains("decompresses", "10485760");
    }

    @Test
    void unknownOrCorruptCompressionIsRejectedWithItsReason() {
        Samples.Delivery d = recorded("bzip2");
        Map<String, Object> zstd = new HashMap<>(d.headers());
        zstd.put("compression", "application/zstd");

        assertThat(catchThrowableOfType(RejectedMessageException.class,
                () -> decoder.decode(d.properties(), zstd, d.body())).reason())
                .isEqualTo(RejectedMessageException.Reason.UNSUPPORTED_COMPRESSION);
        assertThat(catchThrowableOfType(RejectedMessageException.class,
                () -> decoder.decode(d.properties(), d.headers(), "[[], {}, {}]".getBytes(StandardCharsets.UTF_8))).reason())
                .isEqualTo(RejectedMessageException.Reason.MALFORMED_COMPRESSION);
    }

    @Test
    void anEncoderWithCompressionWritesTheHeaderAndACompressedBody() throws Exception {
        TaskMessageEncoder encoder = new TaskMessageEncoder(Clock.systemUTC(), "java@test", Compression.BZIP2);
        TaskMessage message = TaskMessage.builder("id-1", "rc.add").args(List.of(1, 2)).build();

        OutgoingMessage out = encoder.encode(message, Route.queue("q"));

        assertThat(out.headers()).containsEntry("compression", "application/x-bz2");
        assertThat(List.copyOf(out.headers().keySet()).getLast()).isEqualTo("compression");
        assertThat(decoder.decode(out.properties(), out.headers(), out.body()).args()).containsExactly(1, 2);
    }
}

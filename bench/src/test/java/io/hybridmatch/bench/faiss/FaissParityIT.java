package io.hybridmatch.bench.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The short form of bench/faiss-parity/run for CI: the C++ driver compiled with g++ against the library the binding
 * links, and the binding and the store, return the same hits for the same index and queries (no timing asserted).
 */
class FaissParityIT {

    private static final Path FAISS = Path.of(System.getProperty("faiss.home",
            System.getProperty("user.home") + "/.cache/hybridmatch/faiss"), "current");

    @TempDir
    Path dir;

    @Test
    void bindingStoreAndCppDriverReturnTheSameHits() throws Exception {
        FaissParity.main(new String[] {"prepare", dir.toString(), "3000", "64", "40", "64"});
        run(List.of("g++", "-O2", "-std=c++17", "-fopenmp", "-I" + FAISS.resolve("include"),
                "bench/faiss-parity/driver.cpp", "-o", dir.resolve("driver").toString(), "-L" + FAISS.resolve("lib"),
                "-Wl,-rpath," + FAISS.resolve("lib"), "-lfaiss", "-lopenblas"));
        run(List.of(dir.resolve("driver").toString(), dir.toString(), "10", "64", "1"));
        FaissParity.main(new String[] {"search", dir.toString(), "10", "64", "1"});

        byte[] labels = Files.readAllBytes(dir.resolve("cpp.labels"));
        assertThat(labels).hasSize(40 * 10 * Long.BYTES);
        assertThat(distinctNonNegative(labels)).isGreaterThan(40); // real hits, not -1 padding
        for (String side : List.of("binding", "store")) {
            assertThat(Files.readAllBytes(dir.resolve(side + ".labels"))).as(side + " labels").isEqualTo(labels);
            assertThat(Files.readAllBytes(dir.resolve(side + ".scores"))).as(side + " scores")
                    .isEqualTo(Files.readAllBytes(dir.resolve("cpp.scores")));
        }
    }

    private static long distinctNonNegative(byte[] int64s) {
        LongBuffer values = ByteBuffer.wrap(int64s).order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
        return IntStream.range(0, values.limit()).mapToLong(values::get).filter(v -> v >= 0).distinct().count();
    }

    /** Runs a command from the repository root (bench's parent), failing with its output. */
    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(Path.of("..").toFile()).redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }
}

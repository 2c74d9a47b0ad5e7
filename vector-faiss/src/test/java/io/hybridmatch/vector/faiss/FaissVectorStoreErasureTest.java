package io.hybridmatch.vector.faiss;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.RandomVectors;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Erasure proven on the bytes: a vector with a distinctive pattern is written, deleted and purged, then every file
 * under the store's directory is scanned for the pattern in both byte orders (the log writes big-endian floats,
 * FAISS little-endian ones).
 */
class FaissVectorStoreErasureTest {

    private static final int D = 24;
    /** No automatic compaction or checkpoint gets in the way: only the purge may remove the bytes. */
    private static final FaissStoreTuning TUNING = new FaissStoreTuning(0.9, 100_000, 50, 10, 64L << 20);
    private static final long ERASED = 4242;

    @TempDir
    Path dir;
    private final RandomVectors random = new RandomVectors(5, D);

    /** Components no seeded random vector has (0.0123456789 + i / 1024). */
    private static float[] distinctive() {
        float[] v = new float[D];
        for (int i = 0; i < D; i++) {
            v[i] = 0.012345679f + i / 1024f;
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(strings = {"HNSW32,Flat", "IVF8,Flat", "Flat"})
    void aPurgedVectorIsInNoFileOfTheStore(String factory) throws IOException {
        Path storeDir = dir.resolve("store");
        FaissIndexSpec spec = new FaissIndexSpec("candidates", D, Metric.INNER_PRODUCT, factory, 64, 8);
        List<VectorRecord> others = random.records(1, 300);
        float[] replacedVersion = random.next();
        try (FaissVectorStore store = FaissVectorStore.open(storeDir, spec, TUNING)) {
            store.upsert(others);
            store.upsert(List.of(new VectorRecord(ERASED, distinctive())));
            store.checkpoint(); // the vector is now in a snapshot file too, not only in the log
            store.upsert(List.of(new VectorRecord(7, replacedVersion), new VectorRecord(ERASED, distinctive())));
            assertThat(filesHolding(storeDir, distinctive())).as("the scan finds the vector before erasure")
                    .anyMatch(name -> name.startsWith("snapshot-")).contains("wal.log");

            assertThat(store.delete(List.of(ERASED))).isEqualTo(1);
            assertThat(filesHolding(storeDir, distinctive())).as("a delete alone only tombstones it").isNotEmpty();

            assertThat(store.purgeDeleted()).as("tombstones: two versions of ERASED and the old 7").isEqualTo(3);
            assertThat(filesHolding(storeDir, distinctive())).isEmpty();
            assertThat(filesHolding(storeDir, others.get(6).vector())).as("7's replaced vector is purged too").isEmpty();
            assertThat(filesHolding(storeDir, replacedVersion)).as("live vectors stay").isNotEmpty();
            assertThat(store.stats().tombstones()).isZero();
            assertThat(store.stats().unsnapshotted()).isZero();
            assertThat(store.purgeDeleted()).as("nothing left to purge").isZero();
        }
        try (FaissVectorStore reopened = FaissVectorStore.open(storeDir, spec, TUNING)) {
            assertThat(reopened.contains(ERASED)).isFalse();
            assertThat(reopened.size()).isEqualTo(300);
            List<VectorHit> hits = reopened.search(VectorQuery.of(distinctive(), 300));
            assertThat(hits).hasSize(300).extracting(VectorHit::id).doesNotContain(ERASED);
            assertThat(reopened.vector(7)).get().isEqualTo(replacedVersion);
        }
        assertThat(filesHolding(storeDir, distinctive())).isEmpty();
    }

    private static List<String> filesHolding(Path root, float[] vector) throws IOException {
        byte[] little = bytes(vector, ByteOrder.LITTLE_ENDIAN);
        byte[] big = bytes(vector, ByteOrder.BIG_ENDIAN);
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> {
                byte[] content = read(file);
                return contains(content, little) || contains(content, big);
            }).map(file -> file.getFileName().toString()).toList();
        }
    }

    private static byte[] bytes(float[] vector, ByteOrder order) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * Float.BYTES).order(order);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Latin-1 maps each byte to one char, so a substring search is a byte-sequence search. */
    private static boolean contains(byte[] haystack, byte[] needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(new String(needle, StandardCharsets.ISO_8859_1));
    }
}

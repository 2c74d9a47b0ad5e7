package io.hybridmatch.bench.faiss;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStoreBackup;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

/**
 * What erasure and backups cost on a store of N vectors: a backup of the live store (writes wait meanwhile), its
 * restore and reopening, and the purge that follows deleting 1 % of the ids (an HNSW rebuild from the live vectors
 * plus a new snapshot). Timings only; the vectors are random unit vectors (what the rebuild costs barely depends on
 * their distribution).
 *
 * <p>Usage: {@code FaissBackupBenchmark [vectors=100000] [dimension=384] [factory=HNSW32,Flat]}
 */
public final class FaissBackupBenchmark {

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 384;
        String factory = args.length > 2 ? args[2] : "HNSW32,Flat";
        FaissIndexSpec spec = new FaissIndexSpec("candidates", d, Metric.INNER_PRODUCT, factory, 64, 16);
        Path root = Files.createTempDirectory("faiss-backup-bench");
        SplittableRandom random = new SplittableRandom(7);
        System.out.printf("FaissBackupBenchmark: %,d vectors x %d dims, %s, %d cores%n", n, d, factory,
                Runtime.getRuntime().availableProcessors());
        try (FaissVectorStore store = FaissVectorStore.open(root.resolve("live"), spec)) {
            long start = System.nanoTime();
            for (int first = 0; first < n; first += 1_000) {
                List<VectorRecord> batch = new ArrayList<>();
                for (int id = first; id < Math.min(n, first + 1_000); id++) {
                    batch.add(new VectorRecord(id, unit(random, d)));
                }
                store.upsert(batch);
            }
            report("insert", start, "");

            start = System.nanoTime();
            VectorStoreBackup backup = store.backupTo(root.resolve("backup"));
            report("backup (snapshot + copy)", start, String.format("%,d vectors, %.1f MiB", backup.vectors(),
                    backup.bytes() / 1048576.0));

            start = System.nanoTime();
            store.backupTo(root.resolve("backup-2"));
            report("second backup (copy only)", start, "");

            start = System.nanoTime();
            FaissVectorStore.restore(root.resolve("backup"), root.resolve("restored"));
            try (FaissVectorStore restored = FaissVectorStore.open(root.resolve("restored"), spec)) {
                report("restore + open", start, String.format("%,d vectors", restored.size()));
                float[] query = unit(random, d);
                System.out.printf("  same top 10: %s%n", restored.search(VectorQuery.of(query, 10))
                        .equals(store.search(VectorQuery.of(query, 10))));
            }

            List<Long> deleted = LongStream.range(0, n / 100).map(i -> i * 100).boxed().toList();
            store.delete(deleted);
            start = System.nanoTime();
            int purged = store.purgeDeleted();
            report("purge after deleting 1 %", start, String.format("%,d tombstones removed", purged));
        }
    }

    private static void report(String what, long start, String detail) {
        System.out.printf("  %-28s %8.2f s  %s%n", what, (System.nanoTime() - start) / 1e9, detail);
    }

    private static float[] unit(SplittableRandom random, int d) {
        float[] v = new float[d];
        double norm = 0;
        for (int i = 0; i < d; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < d; i++) {
            v[i] /= (float) Math.sqrt(norm);
        }
        return v;
    }
}

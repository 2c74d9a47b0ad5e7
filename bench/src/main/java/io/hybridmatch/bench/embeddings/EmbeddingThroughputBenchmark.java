package io.hybridmatch.bench.embeddings;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.SentenceModelOptions;
import io.hybridmatch.embeddings.TextEmbedder;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Texts per second of the real all-MiniLM-L6-v2 embedder for call sizes 1, 8 and 32 with 1 and 2 ONNX Runtime
 * intra-op threads, a bulk call of 256 texts split into batches of 32, then lookups per second of the caching decorator once every text is cached.
 * Each row also gives the process's CPU time per text (all threads, ONNX Runtime's included): on a shared machine
 * the texts/s move with the other load, the CPU per text much less, and it is what tells whether a second thread
 * costs more than it gains.
 * A plain main rather than JMH: one model call takes milliseconds, far above JMH's resolution concerns.
 *
 * <p>Usage: {@code java --enable-native-access=ALL-UNNAMED -cp <classpath> \
 * io.hybridmatch.bench.embeddings.EmbeddingThroughputBenchmark [measureSeconds]} (default 5, warm-up 2).
 */
public final class EmbeddingThroughputBenchmark {

    private static final int[] CALL_SIZES = {1, 8, 32};
    private static final int[] INTRA_OP_THREADS = {1, 2};
    private static final int BULK_CALL_SIZE = 256;
    private static final Duration WARM_UP = Duration.ofSeconds(2);

    private final List<String> texts = RecruitmentSentences.ALL;
    private final Duration measure;
    private int cursor;

    private EmbeddingThroughputBenchmark(Duration measure) {
        this.measure = measure;
    }

    public static void main(String[] args) {
        Duration measure = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 5);
        new EmbeddingThroughputBenchmark(measure).run();
    }

    private void run() {
        System.out.printf(Locale.ROOT, "all-MiniLM-L6-v2, %d distinct sentences, %d available processors, %ds each%n",
                texts.size(), Runtime.getRuntime().availableProcessors(), measure.toSeconds());
        System.out.println("| intra-op threads | texts per call | ONNX batch size | texts/s | ms per call | CPU-ms per text |");
        System.out.println("|---|---|---|---|---|---|");
        for (int threads : INTRA_OP_THREADS) {
            for (int callSize : CALL_SIZES) {
                measureModel(threads, callSize, callSize);
            }
            // A bulk (re)indexing call: the embedder splits it and groups texts of similar length.
            measureModel(threads, BULK_CALL_SIZE, SentenceModelOptions.DEFAULT_BATCH_SIZE);
        }
        measureCachedLookups();
    }

    private void measureModel(int threads, int callSize, int batchSize) {
        SentenceModelOptions options = SentenceModelOptions.allMiniLmL6V2()
                .withIntraOpThreads(threads)
                .withBatchSize(batchSize);
        try (TextEmbedder embedder = new OnnxSentenceEmbedder(options)) {
            Rate rate = measure(embedder, callSize);
            System.out.printf(Locale.ROOT, "| %d | %d | %d | %.1f | %.2f | %.2f |%n",
                    threads, callSize, batchSize, rate.textsPerSecond(), rate.millisPerCall(), rate.cpuMillisPerText());
        }
    }

    private void measureCachedLookups() {
        try (CachingTextEmbedder cached = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 10_000)) {
            cached.embed(texts);
            Rate rate = measure(cached, 1);
            System.out.printf(Locale.ROOT, "cached single-text lookups: %.0f /s (%.2f µs each), hit rate %.4f%n",
                    rate.textsPerSecond(), rate.millisPerCall() * 1000, cached.stats().hitRate());
        }
    }

    private Rate measure(TextEmbedder embedder, int callSize) {
        runFor(embedder, callSize, WARM_UP);
        return runFor(embedder, callSize, measure);
    }

    private Rate runFor(TextEmbedder embedder, int callSize, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        long calls = 0;
        long now;
        do {
            embedder.embed(nextTexts(callSize));
            calls++;
            now = System.nanoTime();
        } while (now < end);
        double seconds = (now - start) / 1e9;
        return new Rate(calls * callSize / seconds, seconds * 1000 / calls,
                (processCpuNanos() - cpuStart) / 1e6 / (calls * callSize));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Cycles through the corpus so consecutive calls mix short and long sentences. */
    private List<String> nextTexts(int count) {
        List<String> slice = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            slice.add(texts.get(cursor));
            cursor = (cursor + 1) % texts.size();
        }
        return slice;
    }

    private record Rate(double textsPerSecond, double millisPerCall, double cpuMillisPerText) {
    }
}

package io.hybridmatch.monitoring;

import io.hybridmatch.vector.VectorHit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Embedding drift: the distribution of query → top-1 similarity, of the mean similarity of the top k, and of query
 * vector norms, per index. The first {@code baselineSize} observations form the baseline; the last
 * {@code windowSize} form the current window; the gauge {@code hybridmatch_embedding_drift_psi{index,signal}} is
 * their population stability index (PSI: < 0.1 stable, 0.1–0.25 moving, > 0.25 drifted, the usual reading).
 * A new model, a new kind of query or a corrupted index all move it. Completed baselines are stored in
 * {@code baselineFile} and read back on start, so a restart compares with the same reference.
 */
public final class EmbeddingDriftMonitor {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    public static final List<String> SIGNALS = List.of("top1_similarity", "topk_mean_similarity", "query_norm");
    private static final int BINS = 20;

    private final MeterRegistry registry;
    private final int baselineSize;
    private final int windowSize;
    private final Map<String, Distribution> distributions = new ConcurrentHashMap<>();
    private final Path baselineFile;
    private final Map<String, long[]> storedBaselines;

    public EmbeddingDriftMonitor(MeterRegistry registry, int baselineSize, int windowSize, Path baselineFile) {
        this.registry = registry;
        this.baselineSize = baselineSize;
        this.windowSize = windowSize;
        this.baselineFile = baselineFile;
        this.storedBaselines = readBaselines(baselineFile);
    }

    public void observe(String index, float[] query, List<VectorHit> hits) {
        double norm = 0;
        for (float x : query) {
            norm += x * x;
        }
        record(index, "query_norm", Math.sqrt(norm), 0, 2);
        if (!hits.isEmpty()) {
            record(index, "top1_similarity", hits.getFirst().score(), -1, 1);
            record(index, "topk_mean_similarity", hits.stream().mapToDouble(VectorHit::score).average().orElse(0), -1, 1);
        }
    }

    private static Map<String, long[]> readBaselines(Path file) {
        Map<String, long[]> out = new ConcurrentHashMap<>();
        if (file != null && Files.exists(file)) {
            JSON.readTree(file.toFile()).properties().forEach(e ->
                    out.put(e.getKey(), e.getValue().valueStream().mapToLong(JsonNode::asLong).toArray()));
        }
        return out;
    }

    private synchronized void storeBaselines() {
        if (baselineFile == null) {
            return;
        }
        Map<String, long[]> complete = new java.util.TreeMap<>();
        distributions.forEach((key, d) -> d.completeBaseline().ifPresent(counts -> complete.put(key, counts)));
        try {
            Files.createDirectories(baselineFile.toAbsolutePath().getParent());
            Path next = baselineFile.resolveSibling(baselineFile.getFileName() + ".next");
            Files.writeString(next, JSON.writeValueAsString(complete));
            Files.move(next, baselineFile, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the drift baseline in " + baselineFile, e);
        }
    }

    public double psi(String index, String signal) {
        Distribution d = distributions.get(index + "/" + signal);
        return d == null ? 0 : d.psi();
    }

    /** Forgets the baseline of an index: the next observations become the new reference (after a model change). */
    public void resetBaseline(String index) {
        storedBaselines.keySet().removeIf(key -> key.startsWith(index + "/"));
        distributions.forEach((key, d) -> {
            if (key.startsWith(index + "/")) {
                d.reset();
            }
        });
        storeBaselines();
    }

    private void record(String index, String signal, double value, double min, double max) {
        Distribution d = distributions.computeIfAbsent(index + "/" + signal, key -> {
            Distribution created = new Distribution(min, max, storedBaselines.get(key));
            Gauge.builder("hybridmatch.embedding.drift.psi", created, Distribution::psi).tag("index", index)
                    .tag("signal", signal).description("PSI of the current window against the baseline").register(registry);
            return created;
        });
        if (d.add(value)) {
            storeBaselines();
        }
        DistributionSummary.builder("hybridmatch.embedding.similarity").tag("index", index).tag("signal", signal)
                .publishPercentileHistogram().minimumExpectedValue(0.001).maximumExpectedValue(2.0)
                .register(registry).record(Math.max(0, value));
    }

    /** Baseline histogram plus a ring buffer of the latest values. */
    private final class Distribution {
        private final double min;
        private final double max;
        private final long[] baseline = new long[BINS];
        private long baselineCount;
        private final int[] window = new int[windowSize];
        private int windowCount;
        private int next;

        Distribution(double min, double max, long[] stored) {
            this.min = min;
            this.max = max;
            if (stored != null && stored.length == BINS) {
                System.arraycopy(stored, 0, baseline, 0, BINS);
                baselineCount = java.util.Arrays.stream(stored).sum();
            }
        }

        /** True when this value completed the baseline (time to store it). */
        synchronized boolean add(double value) {
            int bin = (int) Math.min(BINS - 1, Math.max(0, Math.floor((value - min) / (max - min) * BINS)));
            if (baselineCount < baselineSize) {
                baseline[bin]++;
                baselineCount++;
                return baselineCount == baselineSize;
            }
            window[next] = bin;
            next = (next + 1) % windowSize;
            windowCount = Math.min(windowSize, windowCount + 1);
            return false;
        }

        synchronized java.util.Optional<long[]> completeBaseline() {
            return baselineCount >= baselineSize ? java.util.Optional.of(baseline.clone()) : java.util.Optional.empty();
        }

        synchronized void reset() {
            java.util.Arrays.fill(baseline, 0);
            baselineCount = 0;
            windowCount = 0;
            next = 0;
        }

        synchronized double psi() {
            if (baselineCount < baselineSize || windowCount == 0) {
                return 0;
            }
            double[] current = new double[BINS];
            for (int i = 0; i < windowCount; i++) {
                current[window[i]]++;
            }
            double psi = 0;
            for (int b = 0; b < BINS; b++) {
                // a small floor keeps empty bins finite
                double expected = Math.max(1e-4, baseline[b] / (double) baselineCount);
                double actual = Math.max(1e-4, current[b] / windowCount);
                psi += (actual - expected) * Math.log(actual / expected);
            }
            return psi;
        }
    }
}

package io.hybridmatch.bench.vectors;

import io.hybridmatch.bench.latency.HashedTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.SentenceModelOptions;
import io.hybridmatch.embeddings.TextEmbedder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code bench/index-types/run}: the FAISS index types ({@link IndexTypes}) on sentence-model vectors of the generated
 * candidates {@code bench/latency} indexes, the generated offers' vectors as queries.
 * <pre>
 *   MODEL N [FILTER_PERCENT=30] [CACHE_DIR=/var/tmp/hybridmatch-vectors]
 * </pre>
 * MODEL is {@code all-minilm-l6-v2} (the default model; one ONNX intra-op thread unless {@code -Dthreads}) or
 * {@code hashed} ({@link HashedTextEmbedder}, the stand-in {@code bench/latency} uses). Vectors are kept under
 * CACHE_DIR per model ({@link EmbeddedProfiles}): the model runs only for candidates no earlier run embedded.
 * With {@code -Ddistinct=true}, only the first of each group of identical vectors is indexed: the generator writes
 * many candidates with the same text, and identical vectors are what an HNSW graph links worst. {@code -Dlists}
 * sets the IVF list count (default {@link IndexTypes#ivfLists}).
 */
public final class IndexTypesBenchmark {

    static final int OFFERS_PER_OCCUPATION = 10;

    private IndexTypesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        String model = args[0];
        int n = Integer.parseInt(args[1]);
        int filterPercent = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path cache = Path.of(args.length > 3 ? args[3] : "/var/tmp/hybridmatch-vectors");
        Supplier<TextEmbedder> embedder = model.equals("hashed") ? () -> new HashedTextEmbedder(384) : () ->
                new OnnxSentenceEmbedder(SentenceModelOptions.bundled(model).withIntraOpThreads(Integer.getInteger("threads", 1)));
        String modelId = model.equals("hashed") ? new HashedTextEmbedder(384).modelId() : model;
        float[][] candidates;
        List<float[]> queries;
        try (EmbeddedProfiles profiles = new EmbeddedProfiles(cache, modelId, 384, embedder)) {
            queries = Arrays.asList(profiles.offers(OFFERS_PER_OCCUPATION));
            candidates = profiles.candidates(n);
        }
        if (Boolean.getBoolean("distinct")) {
            candidates = IndexTypes.distinct(candidates);
        }
        System.out.printf("%s: %,d candidate vectors%s, %d offer vectors as queries, filter %d %%; load average %s%n",
                modelId, candidates.length, Boolean.getBoolean("distinct") ? " (the distinct ones of " + n + ")" : "",
                queries.size(), filterPercent, loadAverage());
        Path work = Files.createTempDirectory(cache, "index-types");
        try {
            System.out.print(IndexTypes.table(IndexTypes.run(candidates, queries, work,
                    IndexTypes.variants(Integer.getInteger("lists", IndexTypes.ivfLists(candidates.length)), 64, 128),
                    filterPercent)));
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(work);
        }
        System.out.printf("load average at the end: %s%n", loadAverage());
    }

    private static String loadAverage() throws java.io.IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }
}

package io.hybridmatch.bench.vectors;

import io.hybridmatch.bench.latency.GeneratedProfiles;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.normalization.DocumentKind;
import io.hybridmatch.normalization.DocumentNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Sentence-model vectors of the generated profiles {@code bench/latency} indexes (same generator, same ids), computed
 * from the text the indexing pipeline embeds (normalised, {@code embeddingText}) and kept in {@link VectorFile}s
 * under one directory per model: a later run reads them back and embeds only the candidates it does not have yet.
 */
final class EmbeddedProfiles implements AutoCloseable {

    /** Candidates embedded per call: one progress line and one append each. */
    private static final int BATCH = 1_000;

    private final Path dir;
    private final String modelId;
    private final int dimension;
    private final Supplier<TextEmbedder> model;
    private final DocumentNormalizer normalizer = DocumentNormalizer.bundled();
    private TextEmbedder embedder;

    /** {@code model} is opened only when something is missing from the files. */
    EmbeddedProfiles(Path dir, String modelId, int dimension, Supplier<TextEmbedder> model) {
        this.dir = dir.resolve(modelId);
        this.modelId = modelId;
        this.dimension = dimension;
        this.model = model;
    }

    /** The vectors of candidates 1..n, in id order. */
    float[][] candidates(int n) throws IOException {
        VectorFile file = new VectorFile(dir.resolve("candidates.f32"), dimension);
        int have = file.count();
        if (have < n) {
            long start = System.nanoTime();
            List<String> texts = new ArrayList<>();
            int[] seen = {0};
            GeneratedProfiles.candidates(n, chunk -> {
                for (Map<String, Object> candidate : chunk) {
                    if (seen[0]++ >= have) {
                        texts.add(DocumentKind.CANDIDATE.normalize(normalizer, candidate).embeddingText());
                    }
                    if (texts.size() == BATCH || (seen[0] == n && !texts.isEmpty())) {
                        append(file, texts);
                        double seconds = (System.nanoTime() - start) / 1e9;
                        System.out.printf("%s: %,d candidates embedded, %.0f texts/s%n", modelId, seen[0],
                                (seen[0] - have) / seconds);
                        texts.clear();
                    }
                }
            });
        }
        return file.read(n);
    }

    /** The vectors of {@link GeneratedProfiles#offers} at {@code perOccupation}, in id order. */
    float[][] offers(int perOccupation) throws IOException {
        List<Map<String, Object>> offers = GeneratedProfiles.offers(perOccupation);
        VectorFile file = new VectorFile(dir.resolve("offers-" + perOccupation + ".f32"), dimension);
        if (file.count() < offers.size()) {
            append(file, offers.stream()
                    .map(offer -> DocumentKind.JOB_OFFER.normalize(normalizer, offer).embeddingText()).toList());
        }
        return file.read(offers.size());
    }

    private void append(VectorFile file, List<String> texts) {
        try {
            file.append(embedder().embed(texts));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TextEmbedder embedder() {
        if (embedder == null) {
            embedder = model.get();
            if (!embedder.modelId().equals(modelId) || embedder.dimension() != dimension) {
                throw new IllegalStateException("expected " + modelId + "/" + dimension + ", got " + embedder.modelId());
            }
        }
        return embedder;
    }

    @Override
    public void close() {
        if (embedder != null) {
            embedder.close();
        }
    }
}

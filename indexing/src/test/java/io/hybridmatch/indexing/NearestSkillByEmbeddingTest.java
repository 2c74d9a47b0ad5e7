package io.hybridmatch.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.normalization.SkillDictionary;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The threshold of {@link NearestSkillByEmbedding}, measured: on a labelled list of skills no label names, the
 * precision and recall of the mapping at each threshold (printed; the table is in indexing/README.md).
 */
class NearestSkillByEmbeddingTest {

    private record Labelled(String written, String expected) {
    }

    @Test
    void theDefaultThresholdMapsMostUnknownSkillsRightAndFewWrong() throws Exception {
        Taxonomy taxonomy = TaxonomyFiles.bundled();
        SkillDictionary labels = new SkillDictionary(taxonomy);
        List<Labelled> list = labelled();
        assertThat(list).as("every entry is unknown to the labels").allSatisfy(l ->
                assertThat(labels.canonical(l.written())).as(l.written()).isEmpty());
        try (TextEmbedder embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 1_000)) {
            NearestSkillByEmbedding nearest = new NearestSkillByEmbedding(embedder, taxonomy, 0);
            List<NearestSkillByEmbedding.Match> best = list.stream()
                    .map(l -> nearest.best(l.written()).orElseThrow()).toList();
            System.out.println("| threshold | mapped | right | precision | recall |\n|---|---|---|---|---|");
            double[] atDefault = null;
            for (int step = 50; step <= 95; step += 5) {
                double threshold = step / 100.0;
                double[] pr = precisionRecall(list, best, threshold);
                System.out.printf(Locale.ROOT, "| %.2f | %d | %d | %.2f | %.2f |%n", threshold, (int) pr[2], (int) pr[3], pr[0], pr[1]);
                if (Math.abs(threshold - NearestSkillByEmbedding.DEFAULT_THRESHOLD) < 1e-9) {
                    atDefault = pr;
                }
            }
            for (int i = 0; i < list.size(); i++) {
                System.out.printf(Locale.ROOT, "%s -> %s %.3f (want %s)%n", list.get(i).written(), best.get(i).skill(),
                        best.get(i).similarity(), list.get(i).expected());
            }
            assertThat(atDefault).isNotNull();
            assertThat(atDefault[0]).as("precision at the default threshold").isGreaterThanOrEqualTo(0.85);
            assertThat(atDefault[1]).as("recall at the default threshold").isGreaterThanOrEqualTo(0.7);

            DocumentNormalizer normalizer = new DocumentNormalizer(taxonomy, new NearestSkillByEmbedding(embedder, taxonomy,
                    NearestSkillByEmbedding.DEFAULT_THRESHOLD));
            assertThat(normalizer.candidate(Map.of("candidate_id", 1, "skills", List.of("Kubernets", "Quantum knitting"),
                    "updated_at", "2026-11-01T00:00:00Z")).skills()).containsExactly("kubernetes", "quantum knitting");
        }
    }

    /** [precision, recall, mapped, right]: mapped = similarity ≥ threshold; right = mapped to the expected skill. */
    private static double[] precisionRecall(List<Labelled> list, List<NearestSkillByEmbedding.Match> best, double threshold) {
        int mapped = 0;
        int right = 0;
        int positives = 0;
        for (int i = 0; i < list.size(); i++) {
            boolean positive = !list.get(i).expected().equals("-");
            positives += positive ? 1 : 0;
            if (best.get(i).similarity() >= threshold) {
                mapped++;
                right += best.get(i).skill().equals(list.get(i).expected()) ? 1 : 0;
            }
        }
        return new double[]{mapped == 0 ? 1 : right / (double) mapped, right / (double) positives, mapped, right};
    }

    private static List<Labelled> labelled() throws IOException {
        try (InputStream in = NearestSkillByEmbeddingTest.class.getResourceAsStream("unknown-skills.tsv")) {
            List<Labelled> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    out.add(new Labelled(f[0], f[1].strip()));
                }
            }
            return out;
        }
    }
}

package io.hybridmatch.indexing;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.SentenceModelOptions;
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
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The threshold of {@link NearestSkillByEmbedding}, measured: on labelled lists of skills no label names, the
 * precision and recall of the mapping at each threshold (printed; the tables are in indexing/README.md). The first
 * list is English; the second ({@code unknown-skills-fr-en.tsv}, written before the curated dictionary was read) is
 * French and English with a dev half, on which a threshold is chosen, and a test half, on which it is reported.
 * {@code -Dhybridmatch.nearest-skill.model=all-minilm-l6-v2-q} measures the int8 model instead of the float one.
 * An IT, not a unit test: the model over every phrase and curated label takes about 20 s.
 */
class NearestSkillByEmbeddingIT {

    private record Entry(String written, String language, Set<String> accepted, boolean dev) {
    }

    private record Scored(Entry entry, NearestSkillByEmbedding.Match best) {
    }

    /** precision = right / mapped, recall = right / entries that have an accepted skill; F0.5 weighs precision. */
    private record PrecisionRecall(int mapped, int right, int positives) {
        double precision() {
            return mapped == 0 ? 1 : right / (double) mapped;
        }

        double recall() {
            return right / (double) positives;
        }

        double f05() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 1.25 * p * r / (0.25 * p + r);
        }
    }

    private static final String MODEL = System.getProperty("hybridmatch.nearest-skill.model", "all-minilm-l6-v2");
    private static Taxonomy taxonomy;
    private static TextEmbedder embedder;
    private static NearestSkillByEmbedding nearest;

    /** One model and one set of embedded curated labels for both lists: embedding them is most of the time. */
    @BeforeAll
    static void embedTheCuratedLabels() {
        taxonomy = TaxonomyFiles.bundled();
        embedder = new CachingTextEmbedder(new OnnxSentenceEmbedder(SentenceModelOptions.bundled(MODEL)), 1_000);
        nearest = new NearestSkillByEmbedding(embedder, taxonomy, 0);
    }

    @AfterAll
    static void close() {
        embedder.close();
    }

    @Test
    void theDefaultThresholdMapsMostUnknownSkillsRightAndFewWrong() throws Exception {
        SkillDictionary labels = new SkillDictionary(taxonomy);
        List<Entry> list = entries("unknown-skills.tsv");
        assertThat(list).as("every entry is unknown to the labels").allSatisfy(l ->
                assertThat(labels.canonical(l.written())).as(l.written()).isEmpty());
        List<Scored> scored = score(list);
        System.out.println("| threshold | mapped | right | precision | recall |\n|---|---|---|---|---|");
        for (int step = 50; step <= 95; step += 5) {
            PrecisionRecall pr = measure(scored, step / 100.0, s -> true);
            System.out.printf(Locale.ROOT, "| %.2f | %d | %d | %.2f | %.2f |%n", step / 100.0, pr.mapped(), pr.right(),
                    pr.precision(), pr.recall());
        }
        PrecisionRecall atDefault = measure(scored, NearestSkillByEmbedding.DEFAULT_THRESHOLD, s -> true);
        assertThat(atDefault.precision()).as("precision at the default threshold").isGreaterThanOrEqualTo(0.85);
        // 0.72 before the untrusted labels (NearestLabelCheck) were refused, 0.70 since: one right mapping lost
        assertThat(atDefault.recall()).as("recall at the default threshold").isGreaterThanOrEqualTo(0.65);

        DocumentNormalizer normalizer = new DocumentNormalizer(taxonomy, new NearestSkillByEmbedding(embedder, taxonomy,
                NearestSkillByEmbedding.DEFAULT_THRESHOLD));
        assertThat(normalizer.candidate(Map.of("candidate_id", 1, "skills", List.of("Kubernets", "Quantum knitting"),
                "updated_at", "2026-11-01T00:00:00Z")).skills()).containsExactly("kubernetes", "quantum knitting");
    }

    @Test
    void aThresholdChosenOnDevHoldsOnTestInFrenchAndEnglish() throws Exception {
        SkillDictionary labels = new SkillDictionary(taxonomy);
        List<Entry> all = entries("unknown-skills-fr-en.tsv");
        List<Entry> unknown = all.stream().filter(l -> labels.canonical(l.written()).isEmpty()).toList();
        System.out.printf(Locale.ROOT, "%d entries, %d already named by a label (left out), %d measured%n",
                all.size(), all.size() - unknown.size(), unknown.size());
        assertThat(unknown).as("every accepted id is a curated skill").allSatisfy(l -> assertThat(l.accepted())
                .allSatisfy(id -> assertThat(taxonomy.skill(id).orElseThrow().group()).as(id).isEqualTo("curated")));
        List<Scored> scored = score(unknown);
        double pooled = bestOnDev(scored, s -> true);
        double french = bestOnDev(scored, s -> s.entry().language().equals("fr"));
        double english = bestOnDev(scored, s -> s.entry().language().equals("en"));
        System.out.printf(Locale.ROOT, "model %s; chosen on dev (best F0.5): both %.2f, French %.2f, English %.2f%n",
                MODEL, pooled, french, english);
        System.out.println("| language | threshold | dev mapped/right/positives | dev P | dev R | test mapped/right/positives | test P | test R |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (String language : List.of("fr", "en")) {
            for (double t : new double[]{0.5, 0.55, 0.6, NearestSkillByEmbedding.DEFAULT_THRESHOLD, 0.7, 0.75, 0.8, pooled,
                    language.equals("fr") ? french : english}) {
                PrecisionRecall dev = measure(scored, t, s -> s.entry().dev() && s.entry().language().equals(language));
                PrecisionRecall test = measure(scored, t, s -> !s.entry().dev() && s.entry().language().equals(language));
                System.out.printf(Locale.ROOT, "| %s | %.2f | %d/%d/%d | %.2f | %.2f | %d/%d/%d | %.2f | %.2f |%n", language, t,
                        dev.mapped(), dev.right(), dev.positives(), dev.precision(), dev.recall(),
                        test.mapped(), test.right(), test.positives(), test.precision(), test.recall());
            }
        }
        // floors under the measured test figures (indexing/README.md), at the threshold chosen on dev and at the
        // shipped one: they catch a model, label or threshold change that makes the mapping clearly worse, not the
        // noise of one phrase (about 0.03 here); French recall lowered from 0.5 when untrusted French labels were
        // refused (NearestLabelCheck: test precision 0.83 -> 0.91, recall 0.58 -> 0.49 at 0.65)
        for (double t : new double[]{pooled, NearestSkillByEmbedding.DEFAULT_THRESHOLD}) {
            PrecisionRecall frenchTest = measure(scored, t, s -> !s.entry().dev() && s.entry().language().equals("fr"));
            PrecisionRecall englishTest = measure(scored, t, s -> !s.entry().dev() && s.entry().language().equals("en"));
            assertThat(frenchTest.precision()).as("French precision on test at %.2f", t).isGreaterThanOrEqualTo(0.7);
            assertThat(frenchTest.recall()).as("French recall on test at %.2f", t).isGreaterThanOrEqualTo(0.45);
            assertThat(englishTest.precision()).as("English precision on test at %.2f", t).isGreaterThanOrEqualTo(0.8);
            assertThat(englishTest.recall()).as("English recall on test at %.2f", t).isGreaterThanOrEqualTo(0.55);
        }
    }

    /**
     * The whole reader of a listed skill as indexing runs it ({@link SkillDictionary#normalize}: a label, else this
     * fallback at the default threshold), on every entry of both lists, those a label names included: precision =
     * right / read as a skill, recall = right / entries with an accepted skill. Printed per list and language
     * (indexing/README.md): what a change to the labels or to the reading rules does to reading, before its ranking
     * is measured (eval/README.md). The floors sit under the measured figures (about one phrase).
     */
    @Test
    void theWholeReaderOfListedSkillsOnBothLists() throws Exception {
        SkillDictionary reader = new SkillDictionary(taxonomy, new NearestSkillByEmbedding(embedder, taxonomy,
                NearestSkillByEmbedding.DEFAULT_THRESHOLD));
        Map<String, PrecisionRecall> measured = new TreeMap<>();
        for (String file : List.of("unknown-skills.tsv", "unknown-skills-fr-en.tsv")) {
            for (String language : List.of("en", "fr")) {
                int mapped = 0;
                int right = 0;
                int positives = 0;
                for (Entry entry : entries(file)) {
                    if (!entry.language().equals(language)) {
                        continue;
                    }
                    String id = reader.normalize(List.of(entry.written())).getFirst();
                    positives += entry.accepted().isEmpty() ? 0 : 1;
                    if (taxonomy.skill(id).isPresent()) {
                        mapped++;
                        right += entry.accepted().contains(id) ? 1 : 0;
                    }
                }
                if (positives > 0) {
                    measured.put(file + " " + language, new PrecisionRecall(mapped, right, positives));
                }
            }
        }
        System.out.println("| list | language | read | right | with a skill | precision | recall |\n|---|---|---|---|---|---|---|");
        measured.forEach((list, pr) -> System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %.2f |%n",
                list.replace(" ", " | "), pr.mapped(), pr.right(), pr.positives(), pr.precision(), pr.recall()));
        assertThat(measured.get("unknown-skills.tsv en").precision()).isGreaterThanOrEqualTo(0.83);
        assertThat(measured.get("unknown-skills.tsv en").recall()).isGreaterThanOrEqualTo(0.67);
        assertThat(measured.get("unknown-skills-fr-en.tsv en").precision()).isGreaterThanOrEqualTo(0.92);
        assertThat(measured.get("unknown-skills-fr-en.tsv en").recall()).isGreaterThanOrEqualTo(0.72);
        assertThat(measured.get("unknown-skills-fr-en.tsv fr").precision()).isGreaterThanOrEqualTo(0.92);
        assertThat(measured.get("unknown-skills-fr-en.tsv fr").recall()).isGreaterThanOrEqualTo(0.61);
    }

    /**
     * The nearest skill of each entry, printed (the README's examples of right and wrong mappings come from here); an
     * entry whose nearest label the mapping does not trust maps to nothing at any threshold.
     */
    private static List<Scored> score(List<Entry> entries) {
        List<Scored> scored = entries.stream().map(l -> new Scored(l, nearest.best(l.written())
                .orElse(new NearestSkillByEmbedding.Match("(untrusted)", Double.NEGATIVE_INFINITY)))).toList();
        scored.forEach(s -> System.out.printf(Locale.ROOT, "%s %s | %s -> %s %.3f (want %s)%n", s.entry().dev() ? "dev" : "test",
                s.entry().language(), s.entry().written(), s.best().skill(), s.best().similarity(), s.entry().accepted()));
        return scored;
    }

    /** The threshold (0.40–0.95 by 0.01) with the best F0.5 on the dev entries the filter keeps; ties: the lowest. */
    private static double bestOnDev(List<Scored> scored, Predicate<Scored> which) {
        double best = 0;
        double bestF = -1;
        for (int step = 40; step <= 95; step++) {
            double f = measure(scored, step / 100.0, s -> s.entry().dev() && which.test(s)).f05();
            if (f > bestF) {
                bestF = f;
                best = step / 100.0;
            }
        }
        return best;
    }

    private static PrecisionRecall measure(List<Scored> scored, double threshold, Predicate<Scored> which) {
        int mapped = 0;
        int right = 0;
        int positives = 0;
        for (Scored s : scored) {
            if (!which.test(s)) {
                continue;
            }
            positives += s.entry().accepted().isEmpty() ? 0 : 1;
            if (s.best().similarity() >= threshold - 1e-9) {
                mapped++;
                right += s.entry().accepted().contains(s.best().skill()) ? 1 : 0;
            }
        }
        return new PrecisionRecall(mapped, right, positives);
    }

    /**
     * A labelled list: phrase, then either the accepted skill ids ({@code |}-separated, {@code -} for none) of the
     * first list, or language, accepted ids and dev/test of the second (the first list is English, all "test").
     */
    private static List<Entry> entries(String file) throws IOException {
        try (InputStream in = NearestSkillByEmbeddingIT.class.getResourceAsStream(file)) {
            List<Entry> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] f = line.split("\t");
                    boolean second = f.length == 4;
                    String ids = (second ? f[2] : f[1]).strip();
                    Set<String> accepted = ids.equals("-") ? Set.of() : Set.of(ids.split("\\|"));
                    out.add(new Entry(f[0], second ? f[1] : "en", accepted, second && f[3].equals("dev")));
                }
            }
            return out;
        }
    }
}

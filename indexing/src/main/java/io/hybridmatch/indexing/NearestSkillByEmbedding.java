package io.hybridmatch.indexing;

import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.normalization.UnknownSkills;
import io.hybridmatch.normalization.taxonomy.Concept;
import io.hybridmatch.normalization.taxonomy.Label;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A listed skill no label names ("Kubernets", "spring-boot microservices", "driving forklifts") → the curated
 * skill whose label embedding is nearest, if its cosine similarity reaches the threshold. Only curated skills are
 * candidates: they are the vocabulary offers and profiles share (ESCO's 13,000 formal skill sentences would win on
 * wording, not meaning), and 800 labels embed in seconds, lazily, at the first unknown skill.
 * The default threshold was measured on a labelled list (indexing/README.md: precision and recall per threshold).
 * A nearest label this English model cannot be trusted on (a French look-alike, an abbreviation) is not taken
 * ({@link NearestLabelCheck}).
 */
public final class NearestSkillByEmbedding implements UnknownSkills {

    /** Chosen from the labelled list in {@code NearestSkillByEmbeddingIT}: see indexing/README.md. */
    public static final double DEFAULT_THRESHOLD = 0.65;

    private record Candidate(String skill, Label label, float[] vector) {
    }

    private final TextEmbedder embedder;
    private final Taxonomy taxonomy;
    private final double threshold;
    private volatile List<Candidate> candidates;

    public NearestSkillByEmbedding(TextEmbedder embedder, Taxonomy taxonomy, double threshold) {
        this.embedder = embedder;
        this.taxonomy = taxonomy;
        this.threshold = threshold;
    }

    /**
     * The normaliser indexing uses: the configured taxonomy ({@link TaxonomyFiles#configured()}), unknown listed
     * skills mapped by this embedder at the default threshold.
     */
    public static DocumentNormalizer normalizer(TextEmbedder embedder) {
        Taxonomy taxonomy = TaxonomyFiles.configured();
        return new DocumentNormalizer(taxonomy, new NearestSkillByEmbedding(embedder, taxonomy, DEFAULT_THRESHOLD));
    }

    @Override
    public Optional<String> nearest(String skill) {
        return best(skill).filter(match -> match.similarity() >= threshold).map(Match::skill);
    }

    /**
     * The nearest curated skill and its similarity, whatever the threshold (for measuring one); none when the nearest
     * label is one this model cannot be trusted on ({@link NearestLabelCheck}).
     */
    public Optional<Match> best(String skill) {
        if (skill == null || skill.isBlank()) {
            return Optional.empty();
        }
        float[] query = embedder.embed(skill.strip());
        Candidate best = null;
        double bestSimilarity = 0;
        for (Candidate c : candidates()) {
            double similarity = dot(query, c.vector());
            if (best == null || similarity > bestSimilarity) {
                best = c;
                bestSimilarity = similarity;
            }
        }
        return best == null || !NearestLabelCheck.trusted(skill, best.label()) ? Optional.empty()
                : Optional.of(new Match(best.skill(), bestSimilarity));
    }

    public record Match(String skill, double similarity) {
    }

    private List<Candidate> candidates() {
        List<Candidate> loaded = candidates;
        if (loaded == null) {
            synchronized (this) {
                if (candidates == null) {
                    candidates = embedLabels();
                }
                loaded = candidates;
            }
        }
        return loaded;
    }

    /** Each curated skill's free-text labels (list-only ones are abbreviations a sentence model reads as noise). */
    private List<Candidate> embedLabels() {
        Map<String, String> skillByText = new LinkedHashMap<>();
        Map<String, Label> labelByText = new HashMap<>();
        for (Concept skill : taxonomy.skills()) {
            if (!"curated".equals(skill.group())) {
                continue;
            }
            for (Label label : skill.labels()) {
                if (!label.listOnly() && label.text().length() > 2 && skillByText.putIfAbsent(label.text(), skill.id()) == null) {
                    labelByText.put(label.text(), label);
                }
            }
        }
        List<String> texts = new ArrayList<>(skillByText.keySet());
        List<Candidate> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i += 128) {
            List<String> batch = texts.subList(i, Math.min(texts.size(), i + 128));
            List<float[]> vectors = embedder.embed(batch);
            for (int j = 0; j < batch.size(); j++) {
                String text = batch.get(j);
                out.add(new Candidate(skillByText.get(text), labelByText.get(text), vectors.get(j)));
            }
        }
        return List.copyOf(out);
    }

    /** The model's vectors are unit-norm: the dot product is the cosine. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}

package io.hybridmatch.eval;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.normalization.taxonomy.OccupationNormalizer;
import io.hybridmatch.normalization.taxonomy.Taxonomy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * How well the occupation is read, against the latent truth, on set 1 and set 2's development part only (the sealed
 * part's documents are skipped, never read): every document through the normaliser as {@code eval/run} builds it,
 * then for each document the fit ({@link Taxonomy#occupationFit}) of its reading with the readings of the documents
 * of the other kind (offers for a profile, profiles for an offer) of the same true occupation, split by what kind of
 * document it is (career-change or vague headline, sparse profile, headline in the summary's other language). No
 * title, skill or text of a document is printed: counts only.
 *
 * <pre>eval/diagnose occupation</pre>
 */
public final class OccupationDiagnosis {

    private static final Pattern CAREER_CHANGE = Pattern.compile("→|⇒|->|=>|»");
    private static final Pattern FRENCH_WORDS = Pattern.compile(
            "(?i)[àâçéèêëîïôûùœ]|\\b(de|du|des|la|le|les|et|en|pour|au|aux|chez|ans|avec)\\b");
    private static final Pattern ENGLISH_WORDS = Pattern.compile("(?i)\\b(of|the|and|for|in|with|at|years|to)\\b");

    private OccupationDiagnosis() {
    }

    /** A document as read: its true occupation, its reading, and what kind of document it is. */
    record Read(long id, boolean offer, String truth, String occupation, String kind) {
    }

    public static void main(String[] args) throws Exception {
        try (TextEmbedder embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 10_000)) {
            DocumentNormalizer normalizer = NearestSkillByEmbedding.normalizer(embedder);
            for (LabelledSet set : RelevanceEvaluation.shippedSets()) {
                Set<String> sealed = set.name().equals(SealedPart.SET) ? new SealedPart(set).sealedOccupations() : Set.of();
                System.out.println(report(set.name() + (sealed.isEmpty() ? "" : " dev"), read(set, sealed, normalizer),
                        normalizer.taxonomy(), adjacentTruths(set)));
            }
        }
    }

    static List<Read> read(LabelledSet set, Set<String> sealed, DocumentNormalizer normalizer) {
        OccupationNormalizer titles = new OccupationNormalizer(normalizer.taxonomy());
        Map<String, Set<String>> headlineOccupations = new HashMap<>();
        for (Map<String, Object> c : set.candidates()) {
            headlineOccupations.computeIfAbsent(String.valueOf(c.get("headline")), k -> new HashSet<>())
                    .add(set.candidateTruth().get(((Number) c.get("candidate_id")).longValue()).occupation());
        }
        List<Read> out = new ArrayList<>();
        for (Map<String, Object> o : set.offers()) {
            long id = ((Number) o.get("job_offer_id")).longValue();
            String truth = set.offerTruth().get(id).occupation();
            if (!sealed.contains(truth)) {
                String kind = titles.read((String) o.get("title")).isEmpty() ? "title names no occupation" : "title names one";
                out.add(new Read(id, true, truth, normalizer.jobOffer(o).occupation(), kind));
            }
        }
        for (Map<String, Object> c : set.candidates()) {
            long id = ((Number) c.get("candidate_id")).longValue();
            String truth = set.candidateTruth().get(id).occupation();
            if (!sealed.contains(truth)) {
                out.add(new Read(id, false, truth, normalizer.candidate(c).occupation(),
                        profileKind(c, headlineOccupations, titles)));
            }
        }
        return out;
    }

    /** The first of: career change, vague (one headline shared by several true occupations), sparse, other language. */
    private static String profileKind(Map<String, Object> c, Map<String, Set<String>> headlineOccupations,
                                      OccupationNormalizer titles) {
        String headline = String.valueOf(c.get("headline"));
        String summary = (String) c.get("summary");
        if (CAREER_CHANGE.matcher(headline).find()) {
            return "career-change headline";
        }
        if (headlineOccupations.get(headline).size() > 1) {
            return "vague headline";
        }
        String unread = titles.read(headline).isEmpty() ? ", headline names no occupation" : "";
        if (summary == null) {
            return "sparse (no summary)" + unread;
        }
        if (french(headline) != french(summary)) {
            return "headline in the other language" + unread;
        }
        return "plain" + unread;
    }

    private static boolean french(String text) {
        return FRENCH_WORDS.matcher(text).results().count() > ENGLISH_WORDS.matcher(text).results().count();
    }

    /** Pairs of true occupations the grades call adjacent (a different occupation graded 1 somewhere). */
    private static Set<List<String>> adjacentTruths(LabelledSet set) {
        Set<List<String>> out = new HashSet<>();
        set.offerTruth().forEach((o, ot) -> set.candidateTruth().forEach((c, ct) -> {
            if (!ot.occupation().equals(ct.occupation()) && set.grade(o, c) > 0) {
                out.add(List.of(ot.occupation(), ct.occupation()));
            }
        }));
        return out;
    }

    static String report(String name, List<Read> docs, Taxonomy taxonomy, Set<List<String>> adjacent) {
        Map<String, List<Read>> offersByTruth = new HashMap<>();
        Map<String, List<Read>> profilesByTruth = new HashMap<>();
        docs.forEach(d -> (d.offer() ? offersByTruth : profilesByTruth).computeIfAbsent(d.truth(), k -> new ArrayList<>()).add(d));
        Map<String, double[]> rows = new TreeMap<>();
        for (Read d : docs) {
            List<Read> others = (d.offer() ? profilesByTruth : offersByTruth).getOrDefault(d.truth(), List.of());
            double[] row = rows.computeIfAbsent((d.offer() ? "offer: " : "profile: ") + d.kind(), k -> new double[5]);
            row[0]++;
            if (d.occupation() == null) {
                row[1]++;
                continue;
            }
            double same = 0;
            double near = 0;
            int counted = 0;
            for (Read other : others) {
                if (other.occupation() != null) {
                    counted++;
                    Taxonomy.Fit fit = taxonomy.occupationFit(d.occupation(), other.occupation());
                    same += fit == Taxonomy.Fit.SAME ? 1 : 0;
                    near += fit == Taxonomy.Fit.ADJACENT ? 1 : 0;
                }
            }
            if (counted > 0) {
                row[2] += same / counted;
                row[3] += near / counted;
                row[4] += (counted - same - near) / counted;
            }
        }
        StringBuilder out = new StringBuilder("#### " + name + ": the occupation read, against the other side's "
                + "readings of the same true occupation\n\n| documents | n | none read | same | adjacent | unrelated |\n"
                + "|---|---|---|---|---|---|\n");
        double[] total = new double[5];
        rows.forEach((kind, r) -> {
            out.append(String.format("| %s | %d | %d | %.0f %% | %.0f %% | %.0f %% |%n", kind, (int) r[0], (int) r[1],
                    100 * r[2] / r[0], 100 * r[3] / r[0], 100 * r[4] / r[0]));
            for (int i = 0; i < 5; i++) {
                total[i] += r[i];
            }
        });
        out.append(String.format("| all | %d | %d | %.1f %% | %.1f %% | %.1f %% |%n%n", (int) total[0], (int) total[1],
                100 * total[2] / total[0], 100 * total[3] / total[0], 100 * total[4] / total[0]));
        out.append(pairs(docs, taxonomy, adjacent));
        return out.toString();
    }

    /** Offer/profile pairs by their truths' relation (same, adjacent, other) and by the fit their readings get. */
    private static String pairs(List<Read> docs, Taxonomy taxonomy, Set<List<String>> adjacent) {
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        List<Read> offers = docs.stream().filter(Read::offer).toList();
        List<Read> profiles = docs.stream().filter(d -> !d.offer()).toList();
        for (Read o : offers) {
            for (Read p : profiles) {
                String truth = o.truth().equals(p.truth()) ? "same" : adjacent.contains(List.of(o.truth(), p.truth())) ? "adjacent" : "other";
                String fit = o.occupation() == null || p.occupation() == null ? "none"
                        : taxonomy.occupationFit(o.occupation(), p.occupation()).name().toLowerCase(java.util.Locale.ROOT);
                counts.computeIfAbsent(truth, k -> new TreeMap<>()).merge(fit, 1, Integer::sum);
            }
        }
        StringBuilder out = new StringBuilder("| true relation of the pair | pairs | read same | read adjacent | read unrelated | a side unread |\n|---|---|---|---|---|---|\n");
        counts.forEach((truth, c) -> {
            int n = c.values().stream().mapToInt(Integer::intValue).sum();
            out.append(String.format("| %s | %d | %.3f (%d) | %.3f | %.3f | %.3f |%n", truth, n, c.getOrDefault("same", 0) / (double) n,
                    c.getOrDefault("same", 0),
                    c.getOrDefault("adjacent", 0) / (double) n, c.getOrDefault("unrelated", 0) / (double) n,
                    c.getOrDefault("none", 0) / (double) n));
        });
        return out.toString();
    }
}

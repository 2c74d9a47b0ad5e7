package io.hybridmatch.eval;

import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.normalization.Seniority;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well the career level is read, against the latent truth, on set 1 and set 2's development part only (the sealed
 * part's documents are skipped, never read): every document through the normaliser as {@code eval/run} builds it,
 * counted by true level and level read, then every offer/profile pair of one true occupation by whether the truth and
 * the reading put the two within one step (what the grades and the seniority score compare). Counts only.
 *
 * <pre>eval/diagnose level</pre>
 */
public final class LevelDiagnosis {

    private static final int UNREAD = Seniority.values().length;

    private LevelDiagnosis() {
    }

    /** A document's true occupation and level, and the level read (null: none). */
    record Read(boolean offer, String occupation, int truth, Seniority read) {
    }

    public static void main(String[] args) throws Exception {
        try (TextEmbedder embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 10_000)) {
            DocumentNormalizer normalizer = NearestSkillByEmbedding.normalizer(embedder);
            for (LabelledSet set : RelevanceEvaluation.shippedSets()) {
                Set<String> sealed = set.name().equals(SealedPart.SET) ? new SealedPart(set).sealedOccupations() : Set.of();
                System.out.println(report(set.name() + (sealed.isEmpty() ? "" : " dev"), read(set, sealed, normalizer)));
            }
        }
    }

    static List<Read> read(LabelledSet set, Set<String> sealed, DocumentNormalizer normalizer) {
        List<Read> out = new ArrayList<>();
        for (Map<String, Object> o : set.offers()) {
            LabelledSet.Truth truth = set.offerTruth().get(((Number) o.get("job_offer_id")).longValue());
            if (!sealed.contains(truth.occupation())) {
                out.add(new Read(true, truth.occupation(), truth.level(), normalizer.jobOffer(o).seniority()));
            }
        }
        for (Map<String, Object> c : set.candidates()) {
            LabelledSet.Truth truth = set.candidateTruth().get(((Number) c.get("candidate_id")).longValue());
            if (!sealed.contains(truth.occupation())) {
                out.add(new Read(false, truth.occupation(), truth.level(), normalizer.candidate(c).seniority()));
            }
        }
        return out;
    }

    static String report(String name, List<Read> docs) {
        StringBuilder out = new StringBuilder("#### " + name + ": the level read against the true level\n\n"
                + "| documents | true level | n | read junior | mid | senior | lead | none |\n|---|---|---|---|---|---|---|---|\n");
        for (boolean offer : new boolean[] {true, false}) {
            for (int level = 0; level < UNREAD; level++) {
                int[] row = new int[UNREAD + 1];
                for (Read d : docs) {
                    if (d.offer() == offer && d.truth() == level) {
                        row[d.read() == null ? UNREAD : d.read().rank()]++;
                    }
                }
                out.append(String.format("| %s | %s | %d | %d | %d | %d | %d | %d |%n", offer ? "offers" : "profiles",
                        DataSetGenerator.LEVELS[level], row[0] + row[1] + row[2] + row[3] + row[4],
                        row[0], row[1], row[2], row[3], row[4]));
            }
        }
        int[][] pairs = new int[2][3];
        for (Read o : docs) {
            for (Read p : docs) {
                if (o.offer() && !p.offer() && o.occupation().equals(p.occupation())) {
                    int truth = Math.abs(o.truth() - p.truth()) <= 1 ? 0 : 1;
                    int read = o.read() == null || p.read() == null ? 2
                            : o.read().fits(p.read()) ? 0 : 1;
                    pairs[truth][read]++;
                }
            }
        }
        out.append("""

                | same-occupation pairs, truth | pairs | read within one step | read further | a side unread |
                |---|---|---|---|---|
                """);
        for (int truth = 0; truth < 2; truth++) {
            int[] r = pairs[truth];
            out.append(String.format("| %s | %d | %d | %d | %d |%n", truth == 0 ? "within one step" : "further apart",
                    r[0] + r[1] + r[2], r[0], r[1], r[2]));
        }
        return out.toString();
    }
}

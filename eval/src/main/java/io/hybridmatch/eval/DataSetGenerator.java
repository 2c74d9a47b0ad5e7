package io.hybridmatch.eval;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The labelled data set, generated from latent truths with a fixed seed: each document has an occupation, a level
 * and a city; documents are written from them in French or English, with titles, skill aliases and sentences drawn
 * at random, so that keyword search and vector search each have blind spots:
 * <ul>
 *   <li>an offer and a candidate of one occupation often share no word (French title vs English title, a sparse
 *       profile with one sentence and no skill list): only meaning links them;</li>
 *   <li>near-miss occupations (data analyst / data scientist, cook / pastry chef) read alike: vectors confuse them,
 *       skills and keywords separate them;</li>
 *   <li>level and city matter for the grade but barely for either retriever.</li>
 * </ul>
 * Grades (offer → candidate), from the latent truth only: 3 = same occupation, level within one step, and same
 * city or a remote offer; 2 = same occupation otherwise; 1 = a near-miss occupation; 0 = anything else.
 */
public final class DataSetGenerator {

    static final List<String> CITIES = List.of("Paris", "Lyon", "Lille", "Bordeaux", "Nantes", "Toulouse", "London", "Brussels");
    static final String[] LEVELS = {"junior", "mid", "senior", "lead"};
    private static final Map<String, List<String>> LEVEL_WORDS = Map.of(
            "junior", List.of("junior", "débutant"), "mid", List.of("confirmé", "intermediate"),
            "senior", List.of("senior", "expérimenté"), "lead", List.of("lead", "responsable"));
    private static final Map<String, List<String>> SURFACE = Map.ofEntries(
            Map.entry("javascript", List.of("JavaScript", "JS", "ECMAScript")), Map.entry("kubernetes", List.of("Kubernetes", "K8s")),
            Map.entry("postgresql", List.of("PostgreSQL", "Postgres")), Map.entry("machine_learning", List.of("Machine learning", "ML", "Apprentissage automatique")),
            Map.entry("react", List.of("React", "ReactJS")), Map.entry("ci_cd", List.of("CI/CD", "Intégration continue", "Jenkins")),
            Map.entry("project_management", List.of("Gestion de projet", "Project management")), Map.entry("accounting", List.of("Comptabilité", "Accounting")),
            Map.entry("nursing", List.of("Soins infirmiers", "Nursing")), Map.entry("pastry", List.of("Pâtisserie", "Pastry")),
            Map.entry("cooking", List.of("Cuisine", "Cooking")), Map.entry("sales", List.of("Vente", "Sales", "Prospection")),
            Map.entry("customer_service", List.of("Relation client", "Customer service")), Map.entry("recruitment", List.of("Recrutement", "Sourcing")),
            Map.entry("logistics", List.of("Logistique", "Supply chain")), Map.entry("data_visualization", List.of("Power BI", "Dataviz")),
            Map.entry("statistics", List.of("Statistiques", "Statistics")), Map.entry("human_resources", List.of("Ressources humaines", "HR")));

    /** A generated document and its latent truth. */
    record Truth(String occupation, int level, String city, boolean remote) {
    }

    public record DataSet(List<Map<String, Object>> candidates, List<Map<String, Object>> offers,
                          Map<Long, Truth> candidateTruth, Map<Long, Truth> offerTruth) {

        /** Grade of a candidate for an offer (see the class comment). */
        public int grade(long offerId, long candidateId) {
            Truth o = offerTruth.get(offerId);
            Truth c = candidateTruth.get(candidateId);
            if (o.occupation().equals(c.occupation())) {
                boolean place = o.remote() || o.city().equals(c.city());
                return Math.abs(o.level() - c.level()) <= 1 && place ? 3 : 2;
            }
            return Occupations.ALL.stream().filter(x -> x.key().equals(o.occupation())).findFirst().orElseThrow()
                    .related().contains(c.occupation()) ? 1 : 0;
        }
    }

    private final SplittableRandom random;

    public DataSetGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public DataSet generate(int candidatesPerOccupation, int offersPerOccupation) {
        List<Map<String, Object>> candidates = new ArrayList<>();
        List<Map<String, Object>> offers = new ArrayList<>();
        Map<Long, Truth> candidateTruth = new LinkedHashMap<>();
        Map<Long, Truth> offerTruth = new LinkedHashMap<>();
        long candidateId = 1;
        long offerId = 1;
        for (Occupation occupation : Occupations.ALL) {
            for (int i = 0; i < candidatesPerOccupation; i++, candidateId++) {
                Truth truth = new Truth(occupation.key(), random.nextInt(4), pick(CITIES), false);
                candidates.add(candidate(candidateId, occupation, truth));
                candidateTruth.put(candidateId, truth);
            }
            for (int i = 0; i < offersPerOccupation; i++, offerId++) {
                Truth truth = new Truth(occupation.key(), random.nextInt(4), pick(CITIES), random.nextInt(5) == 0);
                offers.add(offer(offerId, occupation, truth));
                offerTruth.put(offerId, truth);
            }
        }
        return new DataSet(candidates, offers, candidateTruth, offerTruth);
    }

    private Map<String, Object> candidate(long id, Occupation o, Truth t) {
        boolean french = random.nextBoolean();
        boolean rich = random.nextInt(10) < 6;
        String title = pick(french ? o.titlesFr() : o.titlesEn());
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("candidate_id", id);
        c.put("first_name", pick(List.of("Camille", "Léa", "Hugo", "Nora", "Sam", "Alex", "Inès", "Tom")));
        c.put("last_name", pick(List.of("Martin", "Bernard", "Dubois", "Smith", "Garcia", "Petit", "Moreau")));
        c.put("headline", random.nextBoolean() ? title + " " + pick(LEVEL_WORDS.get(LEVELS[t.level()])) : title);
        List<String> skills = sample(o.skills(), rich ? 3 + random.nextInt(3) : random.nextInt(2));
        String work = pick(french ? o.workFr() : o.workEn());
        c.put("summary", rich ? work + (french ? " Outils : " : " Tools: ") + String.join(", ", surface(skills)) + "." : work);
        c.put("skills", surface(skills));
        c.put("location", t.city());
        c.put("experience_years", years(t.level()));
        c.put("updated_at", Instant.parse("2026-10-01T00:00:00Z").plus(random.nextInt(50), ChronoUnit.DAYS).toString());
        return c;
    }

    private Map<String, Object> offer(long id, Occupation o, Truth t) {
        boolean french = random.nextBoolean();
        String title = pick(french ? o.titlesFr() : o.titlesEn());
        List<String> required = sample(o.skills(), 3 + random.nextInt(2));
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("job_offer_id", id);
        offer.put("title", random.nextInt(10) < 6 ? title + " " + pick(LEVEL_WORDS.get(LEVELS[t.level()])) : title);
        offer.put("description", String.join(" ", sample(french ? o.workFr() : o.workEn(), 2))
                + (french ? " Compétences : " : " Skills: ") + String.join(", ", surface(required)) + ".");
        offer.put("company", pick(List.of("Acme", "Globex", "Initech", "Umbrella", "Hooli")));
        offer.put("location", t.city());
        offer.put("seniority", LEVELS[t.level()]);
        offer.put("is_remote", t.remote());
        offer.put("required_skills", random.nextInt(10) < 7 ? surface(required) : List.of());
        offer.put("posted_at", Instant.parse("2026-11-01T00:00:00Z").plus(random.nextInt(20), ChronoUnit.DAYS).toString());
        return offer;
    }

    private static int years(int level) {
        return switch (level) {
            case 0 -> 1;
            case 1 -> 3;
            case 2 -> 7;
            default -> 12;
        };
    }

    private List<String> surface(List<String> canonical) {
        return canonical.stream().map(s -> SURFACE.containsKey(s) ? pick(SURFACE.get(s)) : s.replace('_', ' ')).toList();
    }

    private List<String> sample(List<String> from, int n) {
        List<String> pool = new ArrayList<>(from);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, pool.size()); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}

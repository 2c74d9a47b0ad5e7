package io.hybridmatch.eval;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The second labelled set: offers and profiles written, with a fixed seed, from the hand-written vocabulary
 * {@code set2/vocabulary.json} (55 occupations in 17 sectors, each skill with its French, English and abbreviated
 * forms), independently of the normalisation dictionary and of the first set.
 *
 * <p>Each document has a latent truth (occupation, level, city, remote, skills) and is written from it with the
 * traps of real documents: French, English or both in one profile, abbreviations and synonyms, titles that read like
 * another trade ("Business Developer", "Customer Success Engineer", "Data Entry Clerk"), vague or career-change
 * headlines, sparse profiles, skills only in the description, city spellings with a department number, and
 * profiles of the right occupation with most core skills missing.
 *
 * <p>Grades (the same judgement in both directions), from the latent truth only: for the same occupation, 3 minus
 * the number of misses among {level more than one step apart, wrong city for an on-site offer, less than half of the
 * offer's required skills held}, at least 1; an adjacent occupation (either lists the other) at a compatible level and
 * place is 1; anything else 0.
 */
public final class SecondSetGenerator {

    static final String[] LEVELS = {"junior", "mid", "senior", "lead"};
    private static final int[][] YEARS = {{0, 2}, {3, 5}, {6, 10}, {11, 18}};
    private static final int CORE_SKILLS = 3;

    record LevelWords(List<String> fr, List<String> en, List<String> field) {
    }

    record Occupation(String id, String sector, List<String> adjacent, double remote, Map<String, List<String>> titles,
                      List<List<String>> skills, Map<String, List<String>> text, List<String> education) {
    }

    record Vocabulary(List<String> cities, Map<String, List<String>> cityVariants, Map<String, LevelWords> levels,
                      Map<String, List<String>> yearsWording, Map<String, List<String>> vagueHeadlines,
                      Map<String, List<List<String>>> languages, List<String> companies,
                      Map<String, List<String>> cvTemplates, Map<String, String> careerChange,
                      Map<String, List<String>> offerTemplates, List<Occupation> occupations) {
    }

    private final SplittableRandom random;
    private final Vocabulary vocabulary;
    private final Map<String, Occupation> byId = new LinkedHashMap<>();
    private final Map<String, Set<String>> adjacent = new HashMap<>();
    /** Surface forms of each latent skill, by its first form. */
    private final Map<String, List<String>> forms = new HashMap<>();

    public SecondSetGenerator(long seed) {
        this.random = new SplittableRandom(seed);
        this.vocabulary = load();
        for (Occupation o : vocabulary.occupations()) {
            byId.put(o.id(), o);
            o.skills().forEach(s -> forms.putIfAbsent(s.getFirst(), s));
        }
        for (Occupation o : vocabulary.occupations()) {
            for (String a : o.adjacent()) {
                adjacent.computeIfAbsent(o.id(), k -> new HashSet<>()).add(a);
                adjacent.computeIfAbsent(a, k -> new HashSet<>()).add(o.id());
            }
        }
    }

    public int occupations() {
        return byId.size();
    }

    public LabelledSet generate(int offersPerOccupation, int profilesPerOccupation, int candidateQueries) {
        List<Map<String, Object>> offers = new ArrayList<>();
        List<Map<String, Object>> candidates = new ArrayList<>();
        Map<Long, LabelledSet.Truth> offerTruth = new LinkedHashMap<>();
        Map<Long, LabelledSet.Truth> candidateTruth = new LinkedHashMap<>();
        long offerId = 200_001; // apart from the first set's ids
        long candidateId = 300_001;
        for (Occupation o : byId.values()) {
            List<String> offerCities = new ArrayList<>();
            for (int i = 0; i < offersPerOccupation; i++, offerId++) {
                boolean french = random.nextInt(100) < 65;
                String city = french || random.nextBoolean() ? pick(vocabulary.cities().subList(0, 14)) : pick(vocabulary.cities().subList(14, 18));
                offerCities.add(city);
                LabelledSet.Truth truth = new LabelledSet.Truth(o.id(), level(), city, random.nextDouble() < o.remote(),
                        requiredSkills(o));
                offers.add(offer(offerId, o, truth, french ? "fr" : "en"));
                offerTruth.put(offerId, truth);
            }
            for (int i = 0; i < profilesPerOccupation; i++, candidateId++) {
                String city = random.nextBoolean() ? pick(offerCities) : pick(vocabulary.cities());
                LabelledSet.Truth truth = new LabelledSet.Truth(o.id(), level(), city, false, profileSkills(o));
                Written profile = profile(candidateId, o, truth, random.nextInt(100) < 60 ? "fr" : "en");
                candidates.add(profile.document());
                candidateTruth.put(candidateId, truth.withShownSkills(profile.shownSkills()));
            }
        }
        List<Long> ids = new ArrayList<>(candidateTruth.keySet());
        List<Long> queries = new ArrayList<>();
        while (queries.size() < Math.min(candidateQueries, ids.size())) {
            queries.add(ids.remove(random.nextInt(ids.size())));
        }
        queries.sort(Long::compare);
        return new LabelledSet("set 2", offers, candidates, offerTruth, candidateTruth,
                (offer, candidate) -> grade(offerTruth.get(offer), candidateTruth.get(candidate)),
                List.copyOf(offerTruth.keySet()), List.copyOf(queries));
    }

    int grade(LabelledSet.Truth offer, LabelledSet.Truth candidate) {
        boolean levelFits = Math.abs(offer.level() - candidate.level()) <= 1;
        boolean placeFits = offer.remote() || offer.city().equals(candidate.city());
        if (offer.occupation().equals(candidate.occupation())) {
            long held = offer.skills().stream().filter(candidate.skills()::contains).count();
            int misses = (levelFits ? 0 : 1) + (placeFits ? 0 : 1) + (2 * held >= offer.skills().size() ? 0 : 1);
            return Math.max(1, 3 - misses);
        }
        return adjacent.getOrDefault(offer.occupation(), Set.of()).contains(candidate.occupation()) && levelFits && placeFits ? 1 : 0;
    }

    private int level() {
        int r = random.nextInt(100);
        return r < 25 ? 0 : r < 60 ? 1 : r < 88 ? 2 : 3;
    }

    /** Two of the three core skills and one to three others. */
    private Set<String> requiredSkills(Occupation o) {
        Set<String> out = new LinkedHashSet<>(sample(names(o.skills().subList(0, CORE_SKILLS)), 2));
        out.addAll(sample(names(o.skills().subList(CORE_SKILLS, o.skills().size())), 1 + random.nextInt(3)));
        return out;
    }

    /** Most profiles hold core skills; one in five holds none of them (the "most required skills missing" trap). */
    private Set<String> profileSkills(Occupation o) {
        List<String> core = names(o.skills().subList(0, CORE_SKILLS));
        List<String> other = names(o.skills().subList(CORE_SKILLS, o.skills().size()));
        Set<String> out = new LinkedHashSet<>();
        if (random.nextInt(5) == 0) {
            out.addAll(sample(other, 1 + random.nextInt(2)));
        } else {
            out.addAll(sample(core, 2 + random.nextInt(2)));
            out.addAll(sample(other, 2 + random.nextInt(3)));
        }
        if (random.nextInt(3) == 0) {
            Occupation near = byId.get(pick(List.copyOf(adjacent.getOrDefault(o.id(), Set.of(o.id())))));
            out.addAll(sample(names(near.skills()), 1 + random.nextInt(2)));
        }
        return out;
    }

    private Map<String, Object> offer(long id, Occupation o, LabelledSet.Truth t, String lang) {
        String title = pick(o.titles().get(lang));
        String company = pick(vocabulary.companies());
        String years = years(t.level(), lang);
        List<String> skills = written(t.skills());
        boolean listed = random.nextInt(10) < 7;
        List<String> sentences = new ArrayList<>(sample(o.text().get(lang), 1 + random.nextInt(2)));
        List<String> templates = vocabulary.offerTemplates().get(lang);
        if (random.nextBoolean()) {
            sentences.addFirst(fill(templates.get(4), title, years, t.city(), company, skills));
        }
        if (!listed) {
            sentences.add(fill(templates.get(1), title, years, t.city(), company, skills));
        }
        sentences.add(fill(templates.get(random.nextBoolean() ? 0 : 2), title, years, t.city(), company, skills));
        if (t.remote()) {
            sentences.add(templates.get(3));
        }
        Map<String, Object> offer = new LinkedHashMap<>();
        offer.put("job_offer_id", id);
        offer.put("title", titled(title, t.level(), lang, true));
        offer.put("description", String.join(" ", sentences));
        offer.put("company", company);
        offer.put("location", cityWritten(t.city()));
        if (random.nextBoolean()) {
            offer.put("seniority", pick(vocabulary.levels().get(LEVELS[t.level()]).field()));
        }
        offer.put("is_remote", t.remote());
        offer.put("required_skills", listed ? skills : List.of());
        if (random.nextInt(10) < 4) {
            offer.put("min_experience_years", YEARS[t.level()][0]);
        }
        if (random.nextInt(10) < 3) {
            offer.put("education", pick(o.education()));
        }
        if (random.nextInt(10) < 4) {
            offer.put("languages", pick(vocabulary.languages().get(lang)));
        }
        offer.put("posted_at", Instant.parse("2026-11-01T00:00:00Z").plus(random.nextInt(25), ChronoUnit.DAYS).toString());
        return offer;
    }

    /** A profile and the latent skills it writes (a profile lists some of those it holds, a sparse one at most one). */
    private record Written(Map<String, Object> document, Set<String> shownSkills) {
    }

    private Written profile(long id, Occupation o, LabelledSet.Truth t, String lang) {
        String headlineLang = random.nextInt(100) < 15 ? other(lang) : lang; // one profile in seven mixes languages
        String title = pick(o.titles().get(lang));
        String company = pick(vocabulary.companies());
        int yearsOfWork = YEARS[t.level()][0] + random.nextInt(YEARS[t.level()][1] - YEARS[t.level()][0] + 1);
        String years = pick(vocabulary.yearsWording().get(lang)).replace("{y}", Integer.toString(yearsOfWork));
        boolean sparse = random.nextInt(4) == 0;
        List<String> shown = sample(List.copyOf(t.skills()), sparse ? random.nextInt(2)
                : Math.max(1, (int) Math.ceil(t.skills().size() * (0.6 + 0.4 * random.nextDouble()))));
        List<String> written = written(shown);
        List<String> sentences = new ArrayList<>();
        String headline;
        int kind = random.nextInt(20);
        if (kind < 2) { // vague headline: the occupation only shows in the summary, if at all
            headline = pick(vocabulary.vagueHeadlines().get(headlineLang));
            sentences.add(fill(vocabulary.cvTemplates().get(lang).get(4), title, years, t.city(), company, written));
        } else if (kind == 2) { // career change: the headline names a former, unrelated trade first
            Occupation former = pick(vocabulary.occupations());
            headline = pick(former.titles().get(headlineLang)) + " → " + pick(o.titles().get(headlineLang));
            sentences.add(vocabulary.careerChange().get(lang).replace("{old}", pick(former.titles().get(lang)).toLowerCase(java.util.Locale.ROOT))
                    .replace("{title}", title));
        } else {
            headline = titled(pick(o.titles().get(headlineLang)), t.level(), headlineLang, random.nextInt(10) < 4);
        }
        if (!sparse) {
            List<String> templates = vocabulary.cvTemplates().get(lang);
            sentences.add(fill(templates.get(random.nextInt(2)), title, years, t.city(), company, written));
            if (random.nextBoolean()) {
                sentences.add(pick(o.text().get(lang)));
            }
            if (!written.isEmpty() && random.nextBoolean()) {
                sentences.add(fill(templates.get(2 + random.nextInt(2)), title, years, t.city(), company, written));
            }
            if (random.nextInt(4) == 0) {
                sentences.add(fill(templates.get(5), title, years, t.city(), company, written));
            }
        }
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("candidate_id", id);
        c.put("first_name", pick(List.of("Chloé", "Mehdi", "Julie", "Kevin", "Aïcha", "Thomas", "Priya", "James", "Lucie", "Yanis")));
        c.put("last_name", pick(List.of("Lambert", "Rousseau", "Nguyen", "Haddad", "Clarke", "Fontaine", "Diallo", "Walsh")));
        c.put("headline", headline);
        if (!sentences.isEmpty()) {
            c.put("summary", String.join(" ", sentences));
        }
        c.put("skills", written);
        c.put("location", cityWritten(t.city()));
        if (!sparse && random.nextInt(10) < 7) {
            c.put("experience_years", yearsOfWork);
        }
        if (random.nextInt(4) == 0) {
            c.put("seniority", pick(vocabulary.levels().get(LEVELS[t.level()]).field()));
        }
        if (!sparse && random.nextInt(10) < 4) {
            c.put("education", pick(o.education()));
        }
        if (!sparse && random.nextInt(10) < 4) {
            c.put("languages", pick(vocabulary.languages().get(lang)));
        }
        c.put("updated_at", Instant.parse("2026-10-01T00:00:00Z").plus(random.nextInt(60), ChronoUnit.DAYS).toString());
        return new Written(c, Set.copyOf(shown));
    }

    /** A title with the level's word before or after it (sometimes none), and the French "(H/F)" on some offers. */
    private String titled(String title, int level, String lang, boolean withLevel) {
        LevelWords words = vocabulary.levels().get(LEVELS[level]);
        String word = withLevel ? pick(lang.equals("fr") ? words.fr() : words.en()) : "";
        String out = word.isEmpty() ? title : random.nextBoolean() ? word + " " + title : title + " " + word;
        return lang.equals("fr") && random.nextInt(10) < 3 ? out + " (H/F)" : out;
    }

    private String cityWritten(String city) {
        List<String> variants = vocabulary.cityVariants().get(city);
        return variants != null && random.nextInt(10) == 0 ? pick(variants) : city;
    }

    private String years(int level, String lang) {
        return pick(vocabulary.yearsWording().get(lang)).replace("{y}", Integer.toString(Math.max(1, YEARS[level][0])));
    }

    private static String fill(String template, String title, String years, String city, String company, List<String> skills) {
        return template.replace("{title}", title).replace("{years}", years).replace("{city}", city)
                .replace("{company}", company).replace("{skills}", String.join(", ", skills));
    }

    /** Each latent skill in one of its surface forms. */
    private List<String> written(Iterable<String> skills) {
        List<String> out = new ArrayList<>();
        skills.forEach(s -> out.add(pick(forms.get(s))));
        return out;
    }

    private static List<String> names(List<List<String>> skills) {
        return skills.stream().map(List::getFirst).toList();
    }

    private static String other(String lang) {
        return lang.equals("fr") ? "en" : "fr";
    }

    private <T> List<T> sample(List<T> from, int n) {
        List<T> pool = new ArrayList<>(from);
        List<T> out = new ArrayList<>();
        for (int i = 0; i < Math.min(n, pool.size()); i++) {
            out.add(pool.remove(random.nextInt(pool.size())));
        }
        return out;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static Vocabulary load() {
        JsonMapper mapper = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        try (InputStream in = SecondSetGenerator.class.getResourceAsStream("/set2/vocabulary.json")) {
            return mapper.readValue(in, Vocabulary.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

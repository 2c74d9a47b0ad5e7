package io.hybridmatch.normalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentNormalizerTest {

    private final DocumentNormalizer normalizer = DocumentNormalizer.bundled();

    private static Map<String, Object> candidate() {
        Map<String, Object> c = new HashMap<>();
        c.put("candidate_id", 42);
        c.put("first_name", "Camille");
        c.put("headline", "Développeuse Java confirmée");
        c.put("summary", "Backend Spring Boot, microservices.");
        c.put("skills", List.of("Java", "Spring Boot", "Postgres", "K8s"));
        c.put("location", "Paris");
        c.put("experience_years", 6);
        c.put("education", "Master MIAGE, licence informatique");
        c.put("languages", List.of("Français", "Anglais courant (C1)"));
        c.put("updated_at", "2026-11-02T09:00:00+01:00");
        return c;
    }

    @Test
    void normalisesACandidate() {
        NormalizedCandidate c = normalizer.candidate(candidate());
        assertThat(c.candidateId()).isEqualTo(42);
        assertThat(c.skills()).as("listed, then named in the headline or summary")
                .containsExactly("java", "spring", "postgresql", "kubernetes", "microservices");
        assertThat(c.occupation()).as("the headline, level and gender aside").isEqualTo("java_developer");
        assertThat(c.seniority()).as("the headline says confirmée").isEqualTo(Seniority.MID);
        assertThat(c.education()).isEqualTo(EducationLevel.MASTER);
        assertThat(c.languages()).containsExactly("fr", "en");
        assertThat(c.updatedAt()).isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
        assertThat(c.embeddingText()).isEqualTo("Développeuse Java confirmée. Backend Spring Boot, microservices. "
                + "Skills: java, spring, postgresql, kubernetes, microservices.");
        assertThat(c.toRecord()).containsEntry("seniority", "mid").containsEntry("occupation", "java_developer").containsEntry("education", "master")
                .containsEntry("updated_at", "2026-11-02T08:00:00Z");
    }

    @Test
    void theSkillsNameTheOccupationWhenTheHeadlineNamesNoneOrSeveral() {
        Map<String, Object> c = candidate();
        c.put("headline", "Disponible immédiatement");
        c.put("skills", List.of("CACES R489", "Préparation de commandes", "Gestion des stocks"));
        c.put("summary", null);
        assertThat(normalizer.candidate(c).occupation()).as("no title in the headline").isEqualTo("warehouse_worker");
        c.remove("headline");
        assertThat(normalizer.candidate(c).occupation()).as("no headline").isEqualTo("warehouse_worker");
        c.put("headline", "Ancien boulanger, aujourd'hui développeur Java");
        c.put("skills", List.of("Java", "Spring Boot", "Hibernate"));
        assertThat(normalizer.candidate(c).occupation()).as("two titles, the skills pick").isEqualTo("java_developer");
        c.put("skills", List.of("Panification", "Viennoiserie"));
        assertThat(normalizer.candidate(c).occupation()).isEqualTo("baker");
        c.put("headline", "Open to work");
        c.put("skills", List.of("Poetry"));
        assertThat(normalizer.candidate(c).occupation()).as("nothing to go on").isNull();
        c.put("summary", "Dernier poste : boulanger chez un artisan. Mobile en Bretagne.");
        assertThat(normalizer.candidate(c).occupation()).as("the summary names the job").isEqualTo("baker");
    }

    @Test
    void seniorityFallsBackToYearsAndNaiveTimesAreUtc() {
        Map<String, Object> c = candidate();
        c.put("headline", "Data engineer");
        c.put("experience_years", 12);
        c.put("updated_at", "2026-11-02T09:00:00");
        NormalizedCandidate n = normalizer.candidate(c);
        assertThat(n.seniority()).isEqualTo(Seniority.LEAD);
        assertThat(n.updatedAt()).isEqualTo(Instant.parse("2026-11-02T09:00:00Z"));
    }

    @Test
    void anOfferGetsTheSkillsItsTextNames() {
        NormalizedJobOffer o = normalizer.jobOffer(Map.of(
                "job_offer_id", "7", "title", "Senior Backend Engineer (Java)",
                "description", "You will build Kafka pipelines on AWS with Terraform. Knowledge of K8s is a plus.",
                "required_skills", List.of("Spring Boot"), "is_remote", "true", "posted_at", "2026-11-01T10:00:00Z"));
        assertThat(o.jobOfferId()).isEqualTo(7);
        assertThat(o.requiredSkills()).containsExactly("spring", "java", "kafka", "aws", "terraform", "kubernetes");
        assertThat(o.occupation()).isEqualTo("java_developer");
        assertThat(o.seniority()).isEqualTo(Seniority.SENIOR);
        assertThat(o.remote()).isTrue();
        assertThat(o.updatedAt()).as("posted_at stands in for a missing updated_at").isEqualTo(o.postedAt());
    }

    @Test
    void anOffersCandidatesAreScoredOnlyOnTheDescriptionsSkillsItsOccupationUses() {
        NormalizedJobOffer o = normalizer.jobOffer(Map.of(
                "job_offer_id", 9, "title", "Cariste CACES 3 (H/F)", "required_skills", List.of("CACES R489 cat 3"),
                "description", "Gestion des stocks et chargement des camions. Notre siège développe ses outils en Java.",
                "posted_at", "2026-11-01T10:00:00Z"));
        assertThat(o.occupation()).isEqualTo("forklift_operator");
        assertThat(o.requiredSkills()).contains("inventory_management", "java");
        assertThat(o.coreSkills()).as("the company's tools are no skill of a forklift operator")
                .contains("caces", "inventory_management").doesNotContain("java");
        assertThat(o.requiredSkills()).containsAll(o.coreSkills());
    }

    @Test
    void anOfferWithoutOccupationIsScoredOnEverySkill() {
        NormalizedJobOffer o = normalizer.jobOffer(Map.of("job_offer_id", 10, "title", "Poste polyvalent",
                "description", "Vous utiliserez Java et Excel.", "posted_at", "2026-11-01T10:00:00Z"));
        assertThat(o.occupation()).isNull();
        assertThat(o.coreSkills()).isEqualTo(o.requiredSkills()).isNotEmpty();
    }

    @Test
    void anOfferStoredBeforeItsCoreSkillsIsScoredOnEverySkill() {
        Map<String, Object> record = new HashMap<>(normalizer.jobOffer(Map.of("job_offer_id", 11, "title", "Cariste",
                "description", "Notre siège développe en Java.", "posted_at", "2026-11-01T10:00:00Z")).toRecord());
        record.remove("core_skills");
        NormalizedJobOffer o = (NormalizedJobOffer) DocumentKind.JOB_OFFER.fromRecord(record);
        assertThat(o.coreSkills()).isEqualTo(o.requiredSkills()).contains("java");
    }

    @Test
    void aStoredRecordIsReadBackAsItWasNotNormalisedAgain() {
        NormalizedCandidate c = normalizer.candidate(candidate());
        assertThat(DocumentKind.CANDIDATE.fromRecord(c.toRecord())).isEqualTo(c);
        NormalizedDocument o = DocumentKind.JOB_OFFER.normalize(normalizer, Map.of("job_offer_id", 8,
                "title", "Cariste CACES 3 (H/F)", "required_skills", List.of("CACES R489 cat 3", "Gestion des stocks"),
                "location", "Lyon", "seniority", "junior", "min_experience_years", 1, "posted_at", "2026-11-01T10:00:00Z"));
        assertThat(o.kind()).isEqualTo(DocumentKind.JOB_OFFER);
        assertThat(((NormalizedJobOffer) o).occupation()).isEqualTo("forklift_operator");
        assertThat(DocumentKind.JOB_OFFER.fromRecord(o.toRecord())).isEqualTo(o);
        // the record holds canonical ids: normalising it again would read "caces" and "inventory_management" as
        // free words; reading it back keeps them
        assertThat(((NormalizedJobOffer) DocumentKind.JOB_OFFER.fromRecord(o.toRecord())).requiredSkills())
                .containsExactly("caces", "inventory_management", "forklift");
    }

    @Test
    void refusesWhatCannotBeIndexedNamingTheField() {
        Map<String, Object> c = candidate();
        c.put("experience_years", "six");
        assertThatThrownBy(() -> normalizer.candidate(c)).isInstanceOf(InvalidDocumentException.class)
                .hasMessageContaining("experience_years");
        c.put("experience_years", 6);
        c.put("updated_at", "yesterday");
        assertThatThrownBy(() -> normalizer.candidate(c)).hasMessageContaining("updated_at is not an ISO-8601");
        c.remove("updated_at");
        assertThatThrownBy(() -> normalizer.candidate(c)).hasMessageContaining("updated_at is required");
        assertThatThrownBy(() -> normalizer.candidate(Map.of("candidate_id", -1))).hasMessageContaining("candidate_id");
        assertThatThrownBy(() -> normalizer.candidate(Map.of("candidate_id", 1, "updated_at", "2026-01-01T00:00:00Z")))
                .hasMessageContaining("no headline, summary or skills");
        assertThatThrownBy(() -> normalizer.jobOffer(Map.of("job_offer_id", 1, "title", "x")))
                .hasMessageContaining("updated_at (or posted_at)");
    }

    @Test
    void seniorityAndEducationWordsInBothLanguages() {
        assertThat(Seniority.parse("Ingénieur expérimenté")).contains(Seniority.SENIOR);
        assertThat(Seniority.parse("Tech Lead Java")).contains(Seniority.LEAD);
        assertThat(Seniority.parse("Jeune diplômé")).contains(Seniority.JUNIOR);
        assertThat(Seniority.parse("Data scientist")).isEmpty();
        assertThat(EducationLevel.parse("BTS SIO")).contains(EducationLevel.ASSOCIATE);
        assertThat(EducationLevel.parse("Bac+5 école d'ingénieur")).contains(EducationLevel.MASTER);
        assertThat(EducationLevel.parse("PhD in physics")).contains(EducationLevel.DOCTORATE);
        assertThat(Languages.normalize(List.of("english", "Espagnol (notions)", "Klingon"))).containsExactly("en", "es");
    }
}

package io.hybridmatch.normalization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SkillDictionaryTest {

    private final SkillDictionary skills = SkillDictionary.bundled();

    @Test
    void synonymsAndAbbreviationsMeetOnOneName() {
        assertThat(skills.normalize(List.of("JS", "Javascript", "K8s", "Kubernetes", "Postgres", "PostgreSQL", "ReactJS")))
                .containsExactly("javascript", "kubernetes", "postgresql", "react");
        assertThat(skills.normalize(List.of("Gestion de projet", "project management", "C++", "C#", ".NET", "Node.js")))
                .containsExactly("project_management", "cpp", "csharp", "dotnet", "nodejs");
    }

    @Test
    void everydayWordsOfOtherTradesToo() {
        assertThat(skills.normalize(List.of("CACES R489 cat 3", "SST", "BTP", "Pack Office", "SAP FI", "paie", "DSN",
                "CAP cuisine", "HACCP", "habilitation B1V", "Soudure TIG", "Prise de sang", "Rapprochements bancaires")))
                .containsExactly("caces", "first_aid", "construction", "microsoft_office", "sap_fi", "payroll",
                        "social_declarations", "cap_cuisine", "food_safety", "habilitation_electrique", "tig_welding",
                        "iv_therapy", "bank_reconciliation");
    }

    @Test
    void pluralsWordOrderAndFunctionWordsDoNotMatter() {
        assertThat(skills.normalize(List.of("gestion des projets", "Projets, gestion de", "Microservice", "analyses de données")))
                .containsExactly("project_management", "microservices", "data_analysis");
    }

    @Test
    void foldsCaseAccentsAndKeepsUnknownSkillsFolded() {
        assertThat(skills.normalize(List.of("Pâtisserie", "PATISSERIE", "  Soudure ", "Quantum Knitting", "")))
                .containsExactly("pastry", "welding", "quantum knitting");
    }

    @Test
    void extractsSkillsFromFreeTextLongestPhraseFirst() {
        String offer = "Nous recherchons un développeur Java / Spring Boot confirmé. Stack : Kafka, PostgreSQL, K8s. "
                + "Une expérience en gestion de projet et en CI/CD est un plus. Front en ReactJS apprécié.";
        assertThat(skills.extract(offer)).containsExactly("java", "spring", "kafka", "postgresql", "kubernetes",
                "project_management", "ci_cd", "react");
        assertThat(skills.extract("Soins infirmiers, pansements et prise de sang en service de chirurgie."))
                .containsExactly("nursing", "wound_care", "iv_therapy");
    }

    @Test
    void ambiguousShortLabelsCountOnlyInSkillLists() {
        assertThat(skills.extract("We go the extra mile; R&D team; PO meeting; built from scratch")).isEmpty();
        assertThat(skills.normalize(List.of("Go", "R", "PO"))).containsExactly("golang", "r", "product_management");
        assertThat(skills.extract("Backend in Golang and React Native")).containsExactly("golang", "react_native");
    }

    @Test
    void aLoneLetterInProseNamesNoSkill() {
        // "A&E" folds to "e" ("a" is a function word): read in free text, every "basé(e)" and "un(e)" was emergency care
        assertThat(skills.extract("Infirmier(e) diplômé(e), basé(e) à Lyon, recherche un(e) poste de nuit.")).containsExactly("nursing");
        assertThat(skills.extract("Five years in A&E, then critical care.")).containsExactly("emergency_care");
        assertThat(skills.normalize(List.of("A&E"))).containsExactly("emergency_care");
    }
}

package io.hybridmatch.normalization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    }

    @Test
    void ambiguousShortAliasesCountOnlyInSkillLists() {
        assertThat(skills.extract("We go the extra mile; R&D team; PO meeting")).isEmpty();
        assertThat(skills.normalize(List.of("Go", "R", "PO"))).containsExactly("golang", "r", "product_management");
        assertThat(skills.extract("Backend in Golang and React Native")).containsExactly("golang", "react_native");
    }

    @Test
    void refusesAnAliasNamingTwoSkills() {
        assertThatThrownBy(() -> SkillDictionary.of(List.of("a\tfoo", "b\tfoo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("foo");
    }
}

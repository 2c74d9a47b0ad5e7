package io.hybridmatch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.taxonomy.TaxonomyFiles;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OccupationDiagnosisTest {

    @Test
    void eachDocumentAgainstTheOtherSidesReadingsOfItsTrueOccupationAndEveryPairByItsTrueRelation() {
        List<OccupationDiagnosis.Read> docs = List.of(
                new OccupationDiagnosis.Read(1, true, "dev", "java_developer", "title names one"),
                new OccupationDiagnosis.Read(2, false, "dev", "java_developer", "plain"),
                new OccupationDiagnosis.Read(3, false, "dev", "python_developer", "plain"),
                new OccupationDiagnosis.Read(4, false, "dev", null, "vague headline"),
                new OccupationDiagnosis.Read(5, false, "nurse", "nurse_responsible_for_general_care", "plain"));
        String report = OccupationDiagnosis.report("test", docs, TaxonomyFiles.bundled(), Set.of(List.of("dev", "nurse")));
        assertThat(report)
                .as("the offer: one profile the same, one adjacent (both software developers), the unread one not counted")
                .contains("| offer: title names one | 1 | 0 | 50 % | 50 % | 0 % |")
                .contains("| profile: plain | 3 | 0 | 33 % | 33 % | 0 % |")
                .contains("| profile: vague headline | 1 | 1 | 0 % | 0 % | 0 % |")
                .contains("| same | 3 | 0.333 (1) | 0.333 | 0.000 | 0.333 |")
                .as("the grades call dev and nurse adjacent; the readings are unrelated")
                .contains("| adjacent | 1 | 0.000 (0) | 0.000 | 1.000 | 0.000 |");
    }
}

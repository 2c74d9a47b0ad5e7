package io.hybridmatch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.normalization.Seniority;
import java.util.List;
import org.junit.jupiter.api.Test;

class LevelDiagnosisTest {

    @Test
    void eachDocumentByTrueAndReadLevelAndEveryPairOfOneOccupationByTheStepBetweenThem() {
        List<LevelDiagnosis.Read> docs = List.of(
                new LevelDiagnosis.Read(true, "nurse", 0, Seniority.JUNIOR),
                new LevelDiagnosis.Read(false, "nurse", 0, Seniority.LEAD),
                new LevelDiagnosis.Read(false, "nurse", 1, null),
                new LevelDiagnosis.Read(false, "nurse", 3, Seniority.LEAD),
                new LevelDiagnosis.Read(false, "welder", 0, Seniority.JUNIOR));
        String report = LevelDiagnosis.report("test", docs);
        assertThat(report)
                .contains("| offers | junior | 1 | 1 | 0 | 0 | 0 | 0 |")
                .contains("| profiles | junior | 2 | 1 | 0 | 0 | 1 | 0 |")
                .contains("| profiles | mid | 1 | 0 | 0 | 0 | 0 | 1 |")
                .as("the welder is another occupation: three pairs, two within one step by the truth")
                .contains("| within one step | 2 | 0 | 1 | 1 |")
                .contains("| further apart | 1 | 0 | 1 | 0 |");
    }
}

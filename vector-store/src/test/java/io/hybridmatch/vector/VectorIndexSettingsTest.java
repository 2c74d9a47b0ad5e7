package io.hybridmatch.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VectorIndexSettingsTest {

    @Test
    void absentValuesTakeTheDefaultsAndEveryEntityGetsSettings() {
        VectorIndexSettings tuned = new VectorIndexSettings("HNSW32,Flat", null, 128, null, null, null, false, null, 1);
        Map<String, VectorIndexSettings> all = VectorIndexSettings.forEntities(Map.of("job_offers", tuned),
                List.of("candidates", "job_offers"));

        assertThat(all.keySet()).containsExactly("candidates", "job_offers");
        assertThat(all.get("candidates")).isEqualTo(new VectorIndexSettings("IVF1024,Flat", Metric.INNER_PRODUCT, 64,
                16, 16, 100, true, 1, 0));
        assertThat(all.get("job_offers")).isEqualTo(new VectorIndexSettings("HNSW32,Flat", Metric.INNER_PRODUCT, 128,
                16, 16, 100, false, 1, 1));
    }

    @Test
    void aNameThatIsNoEntityIsRefused() {
        assertThatThrownBy(() -> VectorIndexSettings.forEntities(Map.of("candidate", VectorIndexSettings.defaults(
                Metric.L2)), List.of("candidates", "job_offers")))
                .hasMessageContaining("hybridmatch.vector-indexes names [candidate]");
    }
}

package io.hybridmatch.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * A worker started without its indexing settings (no {@code hybridmatch.elasticsearch.url}) refuses to start and
 * says what to set. It used to start and consume the queue with no indexing task registered, so every task sent to
 * it failed as unknown.
 */
class WithoutElasticsearchIT {

    @Test
    void theWorkerRefusesToStartAndNamesTheMissingSetting() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(WorkerApplication.class)
                .properties(WorkerApplication.CONFIG_NAME)
                .run("--server.port=0", "--spring.main.banner-mode=off").close())
                .rootCause()
                .hasMessageContaining("hybridmatch.elasticsearch.url must name the Elasticsearch cluster")
                .hasMessageContaining("bin/run starts a local node");
    }
}

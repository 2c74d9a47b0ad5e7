package io.hybridmatch.bench.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.bench.JarProcess;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.security.ApiKeys;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * 8 writers + 32 readers on the HTTP API of a real engine process (its jar, FAISS, MiniLM, the test Elasticsearch):
 * no error, no torn answer, resident memory flat. 30 s in CI; {@code -Dapi-load.duration=PT10M} (profile
 * {@code reliability}) is the long form. The memory table is printed.
 */
class ApiLoadIT {

    static final Duration DURATION = Duration.parse(System.getProperty("api-load.duration", "PT30S"));
    static final String KEY = "api-load-" + java.util.UUID.randomUUID();

    @Test
    void writersAndReadersTogetherSeeNoErrorNoTornResultAndFlatMemory() throws Exception {
        try (JarProcess engine = JarProcess.start("matching-engine-http", List.of("-Xms512m", "-Xmx512m"), List.of(
                "--hybridmatch.elasticsearch.url=" + TestElasticsearch.url(),
                "--hybridmatch.security.api-keys[0].name=load",
                "--hybridmatch.security.api-keys[0].sha256=" + ApiKeys.sha256Hex(KEY),
                "--hybridmatch.security.api-keys[0].scopes=vectors:read,vectors:write,metrics"))) {
            engine.awaitHealthy("actuator/health/readiness", Duration.ofMinutes(5));
            ApiLoad.Report report = new ApiLoad(new ApiLoad.Settings(engine.url(), KEY, engine.pid(), 8, 32, DURATION,
                    Duration.ofSeconds(Math.max(5, DURATION.toSeconds() / 10)))).run();
            System.out.printf("API LOAD %d s: %d writes, %d reads, %d errors, %d torn%n%s", DURATION.toSeconds(),
                    report.writes(), report.reads(), report.errors(), report.torn(), report.table());
            assertThat(report.firstProblem()).isNull();
            assertThat(report.errors()).isZero();
            assertThat(report.torn()).isZero();
            assertThat(report.writes()).isPositive();
            assertThat(report.reads()).isPositive();
            List<ApiLoad.Sample> samples = report.samples();
            long warm = samples.get(samples.size() / 3).rssKib();
            assertThat(samples.getLast().rssKib()).as("resident memory after warm-up, then at the end (KiB)")
                    .isLessThan(warm * 3 / 2);
        }
    }
}

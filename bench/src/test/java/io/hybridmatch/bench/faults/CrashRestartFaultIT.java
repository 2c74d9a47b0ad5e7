package io.hybridmatch.bench.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * CI's short form of {@code bench/faults/crash-restart}: real bin/run, real processes killed with SIGKILL under
 * Celery load, bin/run again; nothing acknowledged may be lost, stale or duplicated. Runs after the engine and worker
 * jars are packaged (this module comes after them in the reactor).
 */
class CrashRestartFaultIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    /**
     * CI kills the engine only (the case of a node orphaned by the engine's death): a worker's kill -9 is
     * WorkerReplicasFaultIT's, a killed node's replacement keeping its indexes SupervisedElasticsearchIT's; each fault
     * here adds a bin/run start. -Dcrash-restart.faults=worker,engine,elasticsearch is the full form.
     */
    private static final List<String> FAULTS = List.of(System.getProperty("crash-restart.faults", "engine").split(","));

    @Test
    void killNineThenBinRunLosesNothingAcknowledged() throws Exception {
        assertThat(ROOT.resolve("matching-engine-http/target")).as("the engine's jar is built before this module").isDirectory();
        Path figures = Files.createTempFile("crash-restart", ".out");
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("bench/faults/crash-restart").toString(),
                "--seconds-per-fault", "10", "--rate", "2", "--settle-seconds", "300", "--faults", String.join(",", FAULTS))
                .directory(ROOT.toFile())
                .redirectOutput(figures.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("HYBRIDMATCH_SKIP_BUILD", "1");
        builder.environment().remove("ELASTICSEARCH_URL");
        builder.environment().put("HYBRIDMATCH_WORKER_AOT", "0"); // a fresh data dir would train the worker's AOT cache first
        Process faults = builder.start();
        boolean finished = faults.waitFor(30, TimeUnit.MINUTES);
        if (!finished) {
            faults.descendants().forEach(ProcessHandle::destroy);
            faults.destroy();
        }
        List<String> output = Files.readAllLines(figures, StandardCharsets.UTF_8);
        output.forEach(System.out::println);
        assertThat(finished).as("fault test finished in time").isTrue();
        List<JsonNode> rows = output.stream().filter(line -> line.startsWith("{")).map(JsonMapper.shared()::readTree).toList();

        assertThat(rows).extracting(row -> row.get("fault").asString()).containsExactlyElementsOf(FAULTS);
        for (JsonNode row : rows) {
            assertThat(row.get("acknowledged").asInt()).as(row.toString()).isPositive();
            assertThat(row.get("lost").asInt()).as(row.toString()).isZero();
            assertThat(row.get("stale").asInt()).as(row.toString()).isZero();
            assertThat(row.get("duplicated").asInt()).as(row.toString()).isZero();
        }
        assertThat(faults.exitValue()).as(String.join("\n", output)).isZero();
    }
}

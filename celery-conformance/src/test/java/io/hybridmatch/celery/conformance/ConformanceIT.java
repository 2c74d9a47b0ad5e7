package io.hybridmatch.celery.conformance;

import static org.junit.jupiter.api.Assertions.fail;

import io.hybridmatch.celery.conformance.DifferencesPolicy.Entry;
import io.hybridmatch.celery.conformance.DifferencesPolicy.Verdict;
import io.hybridmatch.celery.conformance.ObservationDiff.Difference;
import io.lettuce.core.RedisClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The differential Celery conformance suite: every scenario of src/test/python/conformance/scenarios.py runs against
 * Debian's Python Celery worker (the oracle) and against the Java worker, on rpc:// and on Redis, and each
 * scenario is one test comparing what the client observed. differences.yaml says which differences are allowed and
 * which are known and open.
 *
 * <p>System properties: {@code conformance.scenarios} (comma-separated globs, default all),
 * {@code conformance.candidate=python} (self-check: the oracle against itself, every difference fails),
 * {@code conformance.backends} (default {@code rpc,redis}), {@code conformance.parallel} (passes at once, default 4).
 */
class ConformanceIT {

    private static final Map<String, String> BACKENDS = Map.of("rpc", "rpc://", "redis", "redis://127.0.0.1:6379/3");
    private static final Path LOGS = Path.of("target/conformance").toAbsolutePath();

    @TestFactory
    Stream<DynamicNode> pythonAndJavaWorkersLookTheSameToACeleryClient() throws Exception {
        List<String> patterns = Arrays.asList(System.getProperty("conformance.scenarios", "*").split(","));
        List<String> backends = Arrays.asList(System.getProperty("conformance.backends", "rpc,redis").split(","));
        Implementation candidate = "python".equals(System.getProperty("conformance.candidate"))
                ? Implementation.PYTHON : Implementation.JAVA;
        DifferencesPolicy policy = candidate == Implementation.JAVA
                ? DifferencesPolicy.load("/differences.yaml") : DifferencesPolicy.none();

        ConformanceRun.prepareBroker();
        Map<String, ScenarioRecords[]> records = runAll(backends, patterns, candidate);

        List<DynamicNode> nodes = new ArrayList<>();
        // each scenario glob of an open entry must still explain a difference of a scenario it names
        Set<OpenItem> openItemsUsed = new LinkedHashSet<>();
        Set<OpenItem> openItemsCovered = new LinkedHashSet<>();
        StringBuilder report = new StringBuilder("| backend | scenario | verdict | differences |\n|---|---|---|---|\n");
        for (String backend : backends) {
            ScenarioRecords oracle = records.get(backend)[0];
            ScenarioRecords tested = records.get(backend)[1];
            List<DynamicTest> tests = new ArrayList<>();
            for (String scenario : oracle.byScenario().keySet()) {
                List<Difference> differences = differences(oracle, tested, scenario);
                Verdict verdict = policy.judge(backend, scenario, differences);
                for (Entry entry : policy.open().stream().filter(e -> !e.intermittent()).toList()) {
                    boolean explains = entry.explainsAny(backend, scenario, differences);
                    for (String glob : entry.globsCovering(backend, scenario)) {
                        openItemsCovered.add(new OpenItem(entry, glob));
                        if (explains) {
                            openItemsUsed.add(new OpenItem(entry, glob));
                        }
                    }
                }
                report.append(reportRow(backend, scenario, verdict));
                tests.add(DynamicTest.dynamicTest(scenario, () -> check(backend, scenario, oracle, verdict)));
            }
            nodes.add(DynamicContainer.dynamicContainer(backend, tests));
        }
        Files.writeString(LOGS.resolve("report.md"), report);
        nodes.add(DynamicTest.dynamicTest("differences.yaml lists no open difference that is fixed", () -> {
            List<OpenItem> fixed = openItemsCovered.stream().filter(i -> !openItemsUsed.contains(i)).toList();
            if (!fixed.isEmpty()) {
                fail("these known-open differences no longer occur: remove the scenario from the entry in "
                        + "differences.yaml (or the entry)\n  "
                        + fixed.stream().map(OpenItem::toString).collect(Collectors.joining("\n  ")));
            }
        }));
        return nodes.stream();
    }

    /** One scenario glob of an open entry. */
    private record OpenItem(Entry entry, String scenarioGlob) {
        @Override
        public String toString() {
            return scenarioGlob + " in [" + entry + "]";
        }
    }

    /** Per backend, the oracle's and the candidate's records; all passes run at once (each on its own queue). */
    private static Map<String, ScenarioRecords[]> runAll(List<String> backends, List<String> patterns,
                                                         Implementation candidate) throws Exception {
        // all passes at once: they mostly wait; the scenarios wait for pool replacement and allow 5 s for replies
        ExecutorService passes = Executors.newFixedThreadPool(Integer.getInteger("conformance.parallel", 4));
        try {
            Map<String, Future<ScenarioRecords>[]> futures = new LinkedHashMap<>();
            for (String backend : backends) {
                String url = BACKENDS.get(backend);
                @SuppressWarnings("unchecked")
                Future<ScenarioRecords>[] pair = new Future[] {
                        passes.submit(() -> new ConformanceRun(Implementation.PYTHON, backend, url, patterns,
                                LOGS.resolve("oracle")).run()),
                        passes.submit(() -> new ConformanceRun(candidate, backend, url, patterns,
                                LOGS.resolve("candidate")).run())};
                futures.put(backend, pair);
            }
            Map<String, ScenarioRecords[]> records = new LinkedHashMap<>();
            for (Map.Entry<String, Future<ScenarioRecords>[]> entry : futures.entrySet()) {
                records.put(entry.getKey(), new ScenarioRecords[] {entry.getValue()[0].get(), entry.getValue()[1].get()});
            }
            return records;
        } finally {
            passes.shutdownNow();
            if (backends.contains("redis")) {
                flushResults();
            }
        }
    }

    /** Redis DB 3 is this suite's: the run's results go. */
    private static void flushResults() {
        RedisClient client = RedisClient.create(BACKENDS.get("redis"));
        try (var connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }

    private static List<Difference> differences(ScenarioRecords oracle, ScenarioRecords tested, String scenario) {
        List<Difference> differences = new ArrayList<>(
                ObservationDiff.compare(oracle.observed(scenario), tested.observed(scenario)));
        if (tested.observed(scenario) == null) {
            differences.add(new Difference("<scenario>", "ran", "did not run"));
        }
        String error = tested.error(scenario);
        if (error != null) {
            differences.add(new Difference("<error>", "none", error.strip().lines().reduce((a, b) -> b).orElse("")));
        }
        return differences;
    }

    private static void check(String backend, String scenario, ScenarioRecords oracle, Verdict verdict) {
        if (oracle.error(scenario) != null) {
            fail("the scenario itself broke against the Python worker (a harness defect):\n" + oracle.error(scenario));
        }
        if (!verdict.open().isEmpty()) {
            System.out.println("[conformance] " + backend + " " + scenario + ": known open differences\n    "
                    + render(verdict.open()));
        }
        if (!verdict.unexplained().isEmpty()) {
            fail(backend + " " + scenario + ": " + verdict.unexplained().size()
                    + " difference(s) not in differences.yaml\n    " + render(verdict.unexplained())
                    + (verdict.open().isEmpty() ? "" : "\n  and known open:\n    " + render(verdict.open())));
        }
    }

    private static String render(List<Difference> differences) {
        return differences.stream().map(Difference::toString).collect(Collectors.joining("\n    "));
    }

    private static String reportRow(String backend, String scenario, Verdict verdict) {
        String status = !verdict.unexplained().isEmpty() ? "**differs**" : !verdict.open().isEmpty() ? "known open"
                : !verdict.allowed().isEmpty() ? "allowed" : "same";
        List<Difference> shown = new ArrayList<>(verdict.unexplained());
        shown.addAll(verdict.open());
        String paths = shown.stream().map(Difference::path).limit(6).collect(Collectors.joining(", "))
                + (shown.size() > 6 ? ", ..." : "");
        return "| " + backend + " | " + scenario + " | " + status + " | " + paths.replace("|", "\\|") + " |\n";
    }

    static {
        try {
            Files.createDirectories(LOGS);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

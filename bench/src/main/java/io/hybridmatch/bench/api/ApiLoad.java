package io.hybridmatch.bench.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writers and readers on the engine's HTTP API at once, checking every answer. Each writer owns 5 batches of 10 ids
 * and rewrites one batch per request with a fresh vector (the same for the 10 ids). Readers ask for a stored vector
 * (it must be exactly one that its writer wrote, not a mix) and search within one batch (the 10 ids were written
 * together, so they must all be found with one score: a torn batch shows two). Every {@code sampleEvery} the
 * engine's resident memory ({@code /proc/<pid>/status}) and heap use ({@code /actuator/prometheus}) are sampled.
 */
public final class ApiLoad {

    static final int BATCHES = 5;
    static final int BATCH = 10;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern HEAP = Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} (\\S+)$", Pattern.MULTILINE);

    /** How hard and how long; {@code apiKey} needs scopes vectors:read, vectors:write and metrics; {@code enginePid} is whose memory is sampled. */
    public record Settings(URI engine, String apiKey, long enginePid, int writers, int readers, Duration duration, Duration sampleEvery) {
    }

    /** One memory sample. */
    public record Sample(long atSeconds, long rssKib, long heapUsedBytes) {
    }

    /** What happened: requests, errors (non-2xx, I/O), torn answers, memory over time; {@code firstProblem} or null. */
    public record Report(long writes, long reads, long errors, long torn, List<Sample> samples, String firstProblem) {

        public String table() {
            StringBuilder out = new StringBuilder("| s | RSS MiB | heap used MiB |\n|---|---|---|\n");
            samples.forEach(s -> out.append("| ").append(s.atSeconds()).append(" | ").append(s.rssKib() / 1024)
                    .append(" | ").append(s.heapUsedBytes() >> 20).append(" |\n"));
            return out.toString();
        }
    }

    private final Settings settings;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<Integer, float[]> written = new ConcurrentHashMap<>();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong torn = new AtomicLong();
    private final AtomicReference<String> firstProblem = new AtomicReference<>();
    private final long idBase = 900_000_000L + new Random().nextInt(1_000) * 100_000L;
    private int dimension;

    public ApiLoad(Settings settings) {
        this.settings = settings;
    }

    public Report run() throws Exception {
        dimension = get("/faiss/indexes/candidates").get("dimension").asInt();
        long end = System.nanoTime() + settings.duration().toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < settings.writers(); w++) {
            int writer = w;
            threads.add(Thread.ofPlatform().name("writer-" + w).start(() -> loop(end, () -> write(writer, new SplittableRandom(writer)))));
        }
        for (int r = 0; r < settings.readers(); r++) {
            SplittableRandom random = new SplittableRandom(1_000 + r);
            threads.add(Thread.ofPlatform().name("reader-" + r).start(() -> loop(end, () -> read(random))));
        }
        List<Sample> samples = new ArrayList<>();
        long start = System.nanoTime();
        while (System.nanoTime() < end) {
            samples.add(sample((System.nanoTime() - start) / 1_000_000_000L));
            Thread.sleep(Math.min(settings.sampleEvery().toMillis(), Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        }
        for (Thread t : threads) {
            t.join(Duration.ofSeconds(60));
        }
        samples.add(sample((System.nanoTime() - start) / 1_000_000_000L));
        return new Report(writes.get(), reads.get(), errors.get(), torn.get(), samples, firstProblem.get());
    }

    private interface Step {
        void run() throws Exception;
    }

    private void loop(long end, Step step) {
        while (System.nanoTime() < end) {
            try {
                step.run();
            } catch (Exception e) {
                problem(errors, e.toString());
            }
        }
    }

    private final Map<Integer, Integer> generations = new ConcurrentHashMap<>();

    private void write(int writer, SplittableRandom random) throws Exception {
        int generation = generations.merge(writer, 1, Integer::sum);
        int batch = generation % BATCHES;
        float[] vector = new float[dimension];
        double norm = 0;
        for (int i = 0; i < dimension; i++) {
            vector[i] = (float) random.nextDouble(-1, 1);
            norm += vector[i] * vector[i];
        }
        for (int i = 0; i < dimension; i++) {
            vector[i] /= (float) Math.sqrt(norm);
        }
        written.put(Arrays.hashCode(vector), vector); // known before any reader can see it
        List<Map<String, Object>> items = new ArrayList<>();
        for (long id : ids(writer, batch)) {
            items.add(Map.of("id", id, "vector", vector));
        }
        post("/faiss/upsert", Map.of("index", "candidates", "items", items));
        writes.incrementAndGet();
    }

    private void read(SplittableRandom random) throws Exception {
        int writer = random.nextInt(settings.writers());
        List<Long> batch = ids(writer, random.nextInt(BATCHES));
        if (random.nextBoolean()) {
            long id = batch.get(random.nextInt(BATCH));
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/faiss/indexes/candidates/vectors/" + id)).GET());
            if (response.statusCode() == 200) {
                float[] vector = floats(JSON.readTree(response.body()).get("vector"));
                if (!Arrays.equals(written.get(Arrays.hashCode(vector)), vector)) {
                    problem(torn, "vector of id " + id + " is none that was written");
                }
            } else if (response.statusCode() != 404) {
                problem(errors, "GET vector " + id + ": " + response.statusCode() + " " + response.body());
            }
        } else {
            float[] query = written.values().stream().findAny().orElse(new float[dimension]);
            JsonNode hits = post("/faiss/search", Map.of("index", "candidates", "vector", query, "top_k", BATCH,
                    "allowed_ids", batch)).get("hits");
            long scores = hits.valueStream().map(h -> h.get("score").floatValue()).distinct().count();
            if (!(hits.size() == 0 || (hits.size() == BATCH && scores == 1))) {
                problem(torn, "search in batch " + batch.getFirst() + ": " + hits.size() + " hits, " + scores + " scores");
            }
        }
        reads.incrementAndGet();
    }

    private List<Long> ids(int writer, int batch) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < BATCH; i++) {
            ids.add(idBase + writer * 1_000L + (long) batch * BATCH + i);
        }
        return ids;
    }

    private Sample sample(long atSeconds) throws IOException, InterruptedException {
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(settings.enginePid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        HttpResponse<String> scrape = send(HttpRequest.newBuilder(uri("/actuator/prometheus")).GET());
        long heap = 0;
        Matcher m = HEAP.matcher(scrape.body());
        while (m.find()) {
            heap += (long) Double.parseDouble(m.group(1));
        }
        return new Sample(atSeconds, rss, heap);
    }

    private void problem(AtomicLong counter, String what) {
        counter.incrementAndGet();
        firstProblem.compareAndSet(null, what);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        return checked(send(HttpRequest.newBuilder(uri(path)).GET()), path);
    }

    private JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return checked(send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))), path);
    }

    private JsonNode checked(HttpResponse<String> response, String path) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.header("Authorization", "Bearer " + settings.apiKey()).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return settings.engine().resolve(path);
    }

    private static float[] floats(JsonNode array) {
        float[] out = new float[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).floatValue();
        }
        return out;
    }
}

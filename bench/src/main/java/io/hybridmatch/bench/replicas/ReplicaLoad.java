package io.hybridmatch.bench.replicas;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of several stateless engine replicas, as a load balancer with retries would be: each request goes to the
 * next replica in turn; a connection that fails (refused, reset, no answer) is retried on the next one. Every answer
 * must be a 200 whose hits are the reference answer of its probe ({@link #sameAnswer}). Reads only ({@code /match/*},
 * {@code /faiss/search}), so a retry cannot apply anything twice.
 */
public final class ReplicaLoad {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** A request: POST {@code body} to {@code path}. */
    public record Probe(String path, String body) {
    }

    /**
     * @param sent       requests the client made (each counted once, however many tries it took)
     * @param errors     requests that failed on every replica, or answered other than 200
     * @param retries    tries beyond the first (a connection to a replica failed)
     * @param mismatches answers whose hits differ from the reference
     * @param answeredBy requests answered, per replica
     */
    public record Report(long sent, long errors, long retries, long mismatches, List<Long> answeredBy,
                         String firstProblem) {
    }

    private final List<URI> replicas;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicLong turn = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong mismatches = new AtomicLong();
    private final AtomicLongArray answeredBy;
    private final AtomicReference<String> firstProblem = new AtomicReference<>();

    public ReplicaLoad(List<URI> replicas, String apiKey) {
        this.replicas = List.copyOf(replicas);
        this.apiKey = apiKey;
        this.answeredBy = new AtomicLongArray(replicas.size());
    }

    /** The hits one replica gives for each probe, in order (no retry: a reference must come from that replica). */
    public List<JsonNode> answersOf(URI replica, List<Probe> probes) throws IOException, InterruptedException {
        List<JsonNode> answers = new ArrayList<>();
        for (Probe probe : probes) {
            HttpResponse<String> response = send(replica, probe);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(replica + probe.path() + ": " + response.statusCode() + " " + response.body());
            }
            answers.add(hits(response));
        }
        return answers;
    }

    /** {@code threads} clients send the probes in turn for {@code duration}; each answer is checked against {@code expected}. */
    public Report run(List<Probe> probes, List<JsonNode> expected, int threads, Duration duration) throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        List<Thread> clients = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            clients.add(Thread.ofPlatform().name("replica-client-" + t).start(() -> {
                for (int i = first; System.nanoTime() < end; i++) {
                    int probe = i % probes.size();
                    request(probes.get(probe), expected.get(probe));
                }
            }));
        }
        for (Thread client : clients) {
            client.join();
        }
        List<Long> perReplica = new ArrayList<>();
        for (int r = 0; r < replicas.size(); r++) {
            perReplica.add(answeredBy.get(r));
        }
        return new Report(sent.get(), errors.get(), retries.get(), mismatches.get(), perReplica, firstProblem.get());
    }

    private void request(Probe probe, JsonNode expected) {
        sent.incrementAndGet();
        int start = (int) (turn.getAndIncrement() % replicas.size());
        IOException last = null;
        for (int attempt = 0; attempt < 2 * replicas.size(); attempt++) {
            int replica = (start + attempt) % replicas.size();
            if (attempt > 0) {
                retries.incrementAndGet();
            }
            HttpResponse<String> response;
            try {
                response = send(replicas.get(replica), probe);
            } catch (IOException connectionFailed) {
                last = connectionFailed;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            answeredBy.incrementAndGet(replica);
            if (response.statusCode() != 200) {
                problem(errors, replicas.get(replica) + probe.path() + ": " + response.statusCode() + " " + response.body());
            } else if (!sameAnswer(hits(response), expected)) {
                problem(mismatches, replicas.get(replica) + probe.path() + " " + probe.body() + ": " + hits(response)
                        + " instead of " + expected);
            }
            return;
        }
        problem(errors, probe.path() + ": no replica answered: " + last);
    }

    /**
     * The same hits in the same order, with the same fields, and numbers equal to 1e-5: Elasticsearch computes the
     * same score with a last bit of difference now and then (Lucene's vectorised and scalar dot products round
     * differently), which no client can tell from the same answer.
     */
    public static boolean sameAnswer(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Math.abs(a.doubleValue() - b.doubleValue()) <= 1e-5 * Math.max(1, Math.abs(b.doubleValue()));
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                if (!sameAnswer(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isObject() && b.isObject() && Set.copyOf(a.propertyNames()).equals(Set.copyOf(b.propertyNames()))) {
            return a.propertyNames().stream().allMatch(name -> sameAnswer(a.get(name), b.get(name)));
        }
        return a.equals(b);
    }

    private HttpResponse<String> send(URI replica, Probe probe) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(replica.resolve(probe.path())).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(probe.body())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode hits(HttpResponse<String> response) {
        return JSON.readTree(response.body()).get("hits");
    }

    private void problem(AtomicLong counter, String what) {
        counter.incrementAndGet();
        firstProblem.compareAndSet(null, what);
    }
}

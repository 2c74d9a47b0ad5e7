package io.hybridmatch.vector.http;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreUnavailableException;
import io.hybridmatch.vector.VectorValidationException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link VectorStore} served by the matching engine over HTTP ({@code /faiss/*}, see the OpenAPI contract): the
 * engine owns the FAISS files, workers stay stateless and write through it. Input the engine refuses (400, 413,
 * 422) is a {@link VectorValidationException} with the engine's problem detail; an unreachable engine, a timeout,
 * 5xx, 429 and 404 (unknown index) are a {@link VectorStoreUnavailableException} (retry later), and so is a refused
 * API key (401/403): a deployment fault, never the document's. Every request carries the API key as
 * {@code Authorization: Bearer <key>}. Writes are split into the engine's batch limits.
 */
public final class HttpVectorStore implements VectorStore {

    private static final int UPSERT_BATCH = 1_000;
    private static final int DELETE_BATCH = 10_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI engine;
    private final String name;
    private final String apiKey;
    private volatile JsonNode info;

    /** {@code apiKey} null: no key is sent (the engine then answers 401). */
    public HttpVectorStore(HttpClient http, URI engine, String name, String apiKey) {
        this.http = http;
        this.engine = engine;
        this.name = name;
        this.apiKey = apiKey;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return info().get("dimension").asInt();
    }

    @Override
    public Metric metric() {
        return Metric.valueOf(info().get("metric").asString().toUpperCase(Locale.ROOT));
    }

    @Override
    public void upsert(List<VectorRecord> records) {
        for (int i = 0; i < records.size(); i += UPSERT_BATCH) {
            List<Map<String, Object>> items = new ArrayList<>();
            for (VectorRecord r : records.subList(i, Math.min(records.size(), i + UPSERT_BATCH))) {
                items.add(Map.of("id", r.id(), "vector", r.vector()));
            }
            post("/faiss/upsert", Map.of("index", name, "items", items));
        }
    }

    @Override
    public int delete(Collection<Long> ids) {
        List<Long> all = List.copyOf(ids);
        int applied = 0;
        for (int i = 0; i < all.size(); i += DELETE_BATCH) {
            applied += post("/faiss/delete", Map.of("index", name, "ids", all.subList(i, Math.min(all.size(), i + DELETE_BATCH))))
                    .get("applied").asInt();
        }
        return applied;
    }

    @Override
    public List<VectorHit> search(VectorQuery query) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("index", name);
        body.put("vector", query.vector());
        body.put("top_k", query.k());
        if (query.filtered()) {
            body.put("allowed_ids", query.allowedIds());
        }
        return post("/faiss/search", body).get("hits").valueStream()
                .map(hit -> new VectorHit(hit.get("id").asLong(), hit.get("score").floatValue())).toList();
    }

    @Override
    public Optional<float[]> vector(long id) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(path("/faiss/indexes/" + name + "/vectors/" + id)).GET());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        JsonNode vector = checked(response).get("vector");
        float[] out = new float[vector.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = vector.get(i).floatValue();
        }
        return Optional.of(out);
    }

    @Override
    public boolean contains(long id) {
        return vector(id).isPresent();
    }

    @Override
    public long size() {
        info = null;
        return info().get("size").asLong();
    }

    @Override
    public void close() {
        // the HTTP client is shared and owned by whoever made it
    }

    private JsonNode info() {
        JsonNode known = info;
        if (known == null) {
            known = checked(send(HttpRequest.newBuilder(path("/faiss/indexes/" + name)).GET()));
            info = known;
        }
        return known;
    }

    private JsonNode post(String path, Object body) {
        return checked(send(HttpRequest.newBuilder(path(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))));
    }

    /** Relative to the engine URL, so an engine behind a path prefix (http://host/matching/) works. */
    private URI path(String path) {
        return engine.resolve(path.substring(1));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VectorStoreUnavailableException("matching engine " + engine + " unreachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VectorStoreUnavailableException("interrupted while calling " + engine, e);
        }
    }

    private JsonNode checked(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 200) {
            return JSON.readTree(response.body());
        }
        String detail = problemDetail(response.body());
        if (status == 401 || status == 403) {
            throw new VectorStoreUnavailableException("the matching engine refused this worker's API key (" + status
                    + ": " + detail + "); check hybridmatch.engine.api-key / api-key-file", null);
        }
        if (status == 400 || status == 413 || status == 422) {
            throw new VectorValidationException("vector index '" + name + "': " + detail);
        }
        throw new VectorStoreUnavailableException("matching engine answered " + status + ": " + detail, null);
    }

    private static String problemDetail(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.has("detail") ? problem.get("detail").asString() : body;
        } catch (RuntimeException notJson) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }
}

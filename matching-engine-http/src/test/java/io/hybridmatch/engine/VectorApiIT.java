package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class VectorApiIT extends EngineIT {

    private static final String INDEX = "job_offers";

    private int dimension;

    @BeforeEach
    void connect() {
        dimension = client.post("/embeddings", Map.of("texts", List.of("probe"))).body().get("dimension").asInt();
    }

    @Test
    void embedsABatchIntoUnitVectorsInOrder() {
        ContractClient.Reply reply = client.post("/embeddings", Map.of("texts",
                List.of("Senior Java developer", "Développeuse Java confirmée", "Pastry chef")));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("model").asString()).isEqualTo("all-minilm-l6-v2");
        JsonNode vectors = reply.body().get("vectors");
        assertThat(vectors).hasSize(3);
        for (JsonNode vector : vectors) {
            assertThat(vector).hasSize(dimension);
            double norm = 0;
            for (JsonNode x : vector) {
                norm += x.asDouble() * x.asDouble();
            }
            assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
        }
        assertThat(dot(vectors.get(0), vectors.get(1))).isGreaterThan(dot(vectors.get(0), vectors.get(2)));
    }

    @Test
    void upsertSearchReplaceAndDelete() {
        float[] a = UnitVectors.random(dimension, 11);
        float[] b = UnitVectors.random(dimension, 12);
        float[] c = UnitVectors.random(dimension, 13);
        ContractClient.Reply upsert = client.post("/faiss/upsert", Map.of("index", INDEX, "items", List.of(
                Map.of("id", 9001, "vector", a), Map.of("id", 9002, "vector", b), Map.of("id", 9003, "vector", c))));
        assertThat(upsert.status()).isEqualTo(200);
        assertThat(upsert.body().get("applied").asInt()).isEqualTo(3);

        assertThat(topIds(UnitVectors.near(b, 99), 1)).containsExactly(9002L);
        // other tests share the index: restrict to this test's ids to see all three
        assertThat(client.post("/faiss/search", Map.of("index", INDEX, "vector", b, "top_k", 5,
                        "allowed_ids", List.of(9001, 9002, 9003))).body().get("hits").valueStream()
                .map(hit -> hit.get("id").asLong()).toList()).hasSize(3).startsWith(9002L);
        assertThat(client.post("/faiss/search", Map.of("index", INDEX, "vector", b, "top_k", 1))
                .body().get("hits").get(0).get("score").asDouble()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));

        // Replacing 9001 with b's neighbour makes it the best match for b-like queries after 9002 itself.
        client.post("/faiss/upsert", Map.of("index", INDEX, "items", List.of(Map.of("id", 9001, "vector", UnitVectors.near(b, 5)))));
        assertThat(topIds(b, 2)).containsExactly(9002L, 9001L);

        ContractClient.Reply delete = client.post("/faiss/delete", Map.of("index", INDEX, "ids", List.of(9002, 123456)));
        assertThat(delete.body().get("applied").asInt()).isEqualTo(1);
        assertThat(topIds(b, 10)).doesNotContain(9002L).startsWith(9001L);

        ContractClient.Reply info = client.getJson("/faiss/indexes/" + INDEX);
        assertThat(info.body().get("dimension").asInt()).isEqualTo(dimension);
        assertThat(info.body().get("size").asLong()).isGreaterThanOrEqualTo(2);
        ContractClient.Reply stored = client.getJson("/faiss/indexes/" + INDEX + "/vectors/9003");
        assertThat(stored.body().get("vector").get(0).asDouble()).isCloseTo(c[0], org.assertj.core.data.Offset.offset(1e-6));
        ContractClient.Reply gone = client.getJson("/faiss/indexes/" + INDEX + "/vectors/9002");
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.body().get("type").asString()).isEqualTo("urn:hybridmatch:problem:unknown-id");
    }

    @Test
    void allowedIdsRestrictTheHits() {
        client.post("/faiss/upsert", Map.of("index", INDEX, "items", List.of(
                Map.of("id", 7001, "vector", UnitVectors.random(dimension, 71)),
                Map.of("id", 7002, "vector", UnitVectors.random(dimension, 72)),
                Map.of("id", 7003, "vector", UnitVectors.random(dimension, 73)))));

        JsonNode hits = client.post("/faiss/search", Map.of("index", INDEX,
                "vector", UnitVectors.random(dimension, 72), "top_k", 5, "allowed_ids", List.of(7001, 7003))).body().get("hits");

        assertThat(hits.valueStream().map(hit -> hit.get("id").asLong()).toList()).containsExactlyInAnyOrder(7001L, 7003L);
    }

    @Test
    void servesTheContractItIsTestedAgainst() throws Exception {
        String served = client.get("/openapi.yaml");
        try (var in = getClass().getClassLoader().getResourceAsStream("contracts/openapi/matching-engine.yaml")) {
            assertThat(served).isEqualTo(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    private List<Long> topIds(float[] query, int k) {
        JsonNode hits = client.post("/faiss/search", Map.of("index", INDEX, "vector", query, "top_k", k)).body().get("hits");
        return hits.valueStream().map(hit -> hit.get("id").asLong()).toList();
    }

    private static double dot(JsonNode a, JsonNode b) {
        double sum = 0;
        for (int i = 0; i < a.size(); i++) {
            sum += a.get(i).asDouble() * b.get(i).asDouble();
        }
        return sum;
    }
}

package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/** Every kind of bad input is a 400 problem document, and nothing already indexed changes. */
class BadInputIT extends EngineIT {

    private static final String INDEX = "candidates";
    private static final long KEPT_ID = 4242;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int DIMENSION = 384;
    private static final float[] KEPT_VECTOR = UnitVectors.random(DIMENSION, 4242);

    @BeforeEach
    void indexOneVector() {
        client.post("/faiss/upsert", Map.of("index", INDEX, "items", List.of(Map.of("id", KEPT_ID, "vector", KEPT_VECTOR))));
    }

    static Stream<Arguments> badRequests() {
        float[] good = UnitVectors.random(DIMENSION, 1);
        return Stream.of(
                bad("wrong dimension", "/faiss/upsert", Map.of("index", INDEX, "items",
                        List.of(Map.of("id", 70_001, "vector", good), Map.of("id", 70_002, "vector", new float[DIMENSION - 1]))), "invalid-vector"),
                bad("NaN in a vector", "/faiss/upsert", "{\"index\":\"candidates\",\"items\":[{\"id\":70003,\"vector\":"
                        + nanVector() + "}]}", "invalid-vector"),
                bad("NaN literal", "/faiss/search", "{\"index\":\"candidates\",\"vector\":[NaN]}", "unreadable-body"),
                bad("wrong dimension on search", "/faiss/search", Map.of("index", INDEX, "vector", new float[7]), "invalid-vector"),
                bad("empty upsert batch", "/faiss/upsert", Map.of("index", INDEX, "items", List.of()), "invalid-request"),
                bad("empty embedding batch", "/embeddings", Map.of("texts", List.of()), "invalid-request"),
                bad("blank text", "/embeddings", Map.of("texts", List.of("ok", " ")), "invalid-request"),
                bad("oversized embedding batch", "/embeddings", Map.of("texts", Collections.nCopies(257, "x")), "invalid-request"),
                bad("oversized upsert batch", "/faiss/upsert", Map.of("index", INDEX, "items",
                        Collections.nCopies(1001, Map.of("id", 70_005, "vector", good))), "invalid-request"),
                bad("unknown index", "/faiss/search", Map.of("index", "nope", "vector", good), "unknown-index"),
                bad("unknown index on delete", "/faiss/delete", Map.of("index", "nope", "ids", List.of(KEPT_ID)), "unknown-index"),
                bad("top_k zero", "/faiss/search", Map.of("index", INDEX, "vector", good, "top_k", 0), "invalid-request"),
                bad("top_k too large", "/faiss/search", Map.of("index", INDEX, "vector", good, "top_k", 1001), "invalid-request"),
                bad("negative id", "/faiss/upsert", Map.of("index", INDEX, "items", List.of(Map.of("id", -1, "vector", good))), "invalid-request"),
                bad("misspelt field", "/faiss/search", Map.of("index", INDEX, "vector", good, "topk", 3), "unreadable-body"),
                bad("not JSON", "/faiss/delete", "ids=1,2", "unreadable-body"),
                bad("empty delete", "/faiss/delete", Map.of("index", INDEX, "ids", List.of()), "invalid-request"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void isA400ProblemAndChangesNothing(String name, String path, String body, String problemType) {
        ContractClient.Reply reply = client.postRaw(path, body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().get("type").asString()).isEqualTo("urn:hybridmatch:problem:" + problemType);
        assertThat(reply.body().get("detail").asString()).isNotBlank();

        var hits = client.post("/faiss/search", Map.of("index", INDEX, "vector", KEPT_VECTOR, "top_k", 1)).body().get("hits");
        assertThat(hits.get(0).get("id").asLong()).isEqualTo(KEPT_ID);
        assertThat(client.post("/faiss/search", Map.of("index", INDEX, "vector", good(), "top_k", 1000)).body().get("hits")
                .valueStream().map(hit -> hit.get("id").asLong())).doesNotContain(70_001L, 70_002L, 70_003L, 70_005L);
    }

    private static float[] good() {
        return UnitVectors.random(DIMENSION, 1);
    }

    private static Arguments bad(String name, String path, Object body, String problemType) {
        String json = body instanceof String text ? text : JSON.writeValueAsString(body);
        return Arguments.of(name, path, json, problemType);
    }

    private static String nanVector() {
        // Jackson reads the string "NaN" as a float: the store, not the parser, has to refuse it.
        StringBuilder out = new StringBuilder("[\"NaN\"");
        for (int i = 1; i < DIMENSION; i++) {
            out.append(",0.01");
        }
        return out.append(']').toString();
    }
}

package io.hybridmatch.vector.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreUnavailableException;
import io.hybridmatch.vector.VectorValidationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client's side of the HTTP contract, against WireMock stubs shaped like the engine's answers (the engine's own
 * tests check those answers against the same OpenAPI document; the worker's end-to-end test runs both for real).
 */
class HttpVectorStoreTest {

    @RegisterExtension
    static WireMockExtension engine = WireMockExtension.newInstance().build();

    private static final String KEY = "worker-key-5e0c9a7b3d";

    private VectorStore store() {
        return HttpVectorStores.connect(URI.create(engine.baseUrl() + "/matching"), List.of("candidates"), KEY)
                .find("candidates").orElseThrow();
    }

    @Test
    void searchSendsTheContractsFieldsAndReadsHits() {
        engine.stubFor(post("/matching/faiss/search").willReturn(okJson(
                "{\"index\":\"candidates\",\"metric\":\"inner_product\",\"hits\":[{\"id\":7,\"score\":0.9},{\"id\":3,\"score\":0.5}]}")));
        List<VectorHit> hits = store().search(VectorQuery.within(new float[]{1, 0}, 5, new long[]{3, 7}));
        assertThat(hits).containsExactly(new VectorHit(7, 0.9f), new VectorHit(3, 0.5f));
        engine.verify(postRequestedFor(urlEqualTo("/matching/faiss/search"))
                .withHeader("Authorization", com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + KEY))
                .withRequestBody(equalToJson(
                "{\"index\":\"candidates\",\"vector\":[1.0,0.0],\"top_k\":5,\"allowed_ids\":[3,7]}")));
    }

    @Test
    void largeWritesAreSplitIntoTheEnginesBatchLimits() {
        engine.stubFor(post("/matching/faiss/upsert").willReturn(okJson("{\"index\":\"candidates\",\"applied\":1000,\"size\":1}")));
        engine.stubFor(post("/matching/faiss/delete").willReturn(okJson("{\"index\":\"candidates\",\"applied\":4,\"size\":0}")));
        List<VectorRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            records.add(new VectorRecord(i, new float[]{i, 1}));
        }
        store().upsert(records);
        engine.verify(3, postRequestedFor(urlEqualTo("/matching/faiss/upsert")));
        engine.verify(1, postRequestedFor(urlEqualTo("/matching/faiss/upsert"))
                .withRequestBody(matchingJsonPath("$.items[499].id", com.github.tomakehurst.wiremock.client.WireMock.equalTo("2499"))));
        assertThat(store().delete(LongStream.range(0, 12_000).boxed().toList())).isEqualTo(8);
        engine.verify(2, postRequestedFor(urlEqualTo("/matching/faiss/delete")));
    }

    @Test
    void indexInfoAndStoredVectors() {
        engine.stubFor(get("/matching/faiss/indexes/candidates").willReturn(okJson(
                "{\"index\":\"candidates\",\"dimension\":2,\"metric\":\"l2\",\"size\":41}")));
        engine.stubFor(get("/matching/faiss/indexes/candidates/vectors/5").willReturn(okJson(
                "{\"index\":\"candidates\",\"id\":5,\"vector\":[0.25,-1.5]}")));
        engine.stubFor(get("/matching/faiss/indexes/candidates/vectors/6").willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:hybridmatch:problem:unknown-id\",\"title\":\"Unknown id\",\"status\":404}")));
        VectorStore store = store();
        assertThat(store.dimension()).isEqualTo(2);
        assertThat(store.metric()).isEqualTo(Metric.L2);
        assertThat(store.size()).isEqualTo(41);
        assertThat(store.vector(5)).get().isEqualTo(new float[]{0.25f, -1.5f});
        assertThat(store.contains(6)).isFalse();
    }

    @Test
    void refusedInputAndEngineTroubleAreDifferentExceptions() {
        engine.stubFor(post("/matching/faiss/upsert").willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:hybridmatch:problem:invalid-vector\",\"title\":\"Invalid vector\",\"status\":400,"
                        + "\"detail\":\"record 0 (id 1) has 3 dimensions; index 'candidates' holds 384\"}")));
        engine.stubFor(post("/matching/faiss/delete").willReturn(aResponse().withStatus(503).withBody("overloaded")));
        engine.stubFor(get("/matching/faiss/indexes/candidates").willReturn(aResponse().withStatus(429).withBody("slow down")));
        engine.stubFor(get("/matching/faiss/indexes/candidates/vectors/7").willReturn(aResponse().withStatus(401)));
        VectorStore store = store();
        assertThatThrownBy(store::size).as("throttled: retry later")
                .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("429");
        assertThatThrownBy(() -> store.vector(7)).as("the worker's credentials, not the input")
                .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("401");
        assertThatThrownBy(() -> store.upsert(List.of(new VectorRecord(1, new float[3]))))
                .isInstanceOf(VectorValidationException.class).hasMessageContaining("holds 384");
        assertThatThrownBy(() -> store.delete(List.of(1L)))
                .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("503");
        VectorStore nowhere = HttpVectorStores.connect(URI.create("http://127.0.0.1:9"), List.of("x"), KEY).find("x").orElseThrow();
        assertThatThrownBy(nowhere::size).isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("unreachable");
    }

    /** A refused key is the deployment's fault, not the document's: retried like an engine that is down. */
    @Test
    void aRefusedKeyIsUnavailabilityNotBadInput() {
        engine.stubFor(post("/matching/faiss/upsert").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:hybridmatch:problem:unauthorized\",\"title\":\"Unauthorized\",\"status\":401,"
                        + "\"detail\":\"the API key is not known\"}")));
        engine.stubFor(post("/matching/faiss/delete").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:hybridmatch:problem:forbidden\",\"title\":\"Forbidden\",\"status\":403,"
                        + "\"detail\":\"API key 'w' lacks scope 'vectors:write'\"}")));
        VectorStore store = store();
        assertThatThrownBy(() -> store.upsert(List.of(new VectorRecord(1, new float[]{1, 0}))))
                .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("401")
                .hasMessageContaining("not known").hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> store.delete(List.of(1L)))
                .isInstanceOf(VectorStoreUnavailableException.class).hasMessageContaining("lacks scope 'vectors:write'");
    }
}

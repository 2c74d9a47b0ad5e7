package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.engine.SampleCalls.Call;
import io.hybridmatch.engine.api.ContractController;
import io.hybridmatch.engine.security.EndpointPolicy;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.security.AccessPolicy;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys, scopes and tenants on every operation of the contract, over real HTTP against the running engine:
 * 401 without or with an unknown key, 403 without the scope, 403 across tenants, and the key's tenant applied
 * when the request names none.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityIT extends EngineIT {

    private static final Path KEY_FILE = TestKeys.KEY_FILE;
    private static final String FILE_KEY_1 = TestKeys.FILE_KEY;
    private static final String FILE_KEY_2 = "file-key-two-3e9a6c0d4b1f";

    @Autowired
    DocumentIndexer indexer;

    private ContractClient anonymous() {
        return new ContractClient(port, null);
    }

    private ContractClient as(TestKeys.Key key) {
        return new ContractClient(port, key.key());
    }

    private static AccessPolicy.Rule rule(Call call) {
        String path = URI.create(call.path()).getPath();
        return EndpointPolicy.RULES.stream()
                .filter(r -> r.method().name().equals(call.method())
                        && PathPatternParser.defaultInstance.parse(r.pattern()).matches(PathContainer.parsePath(path)))
                .findFirst().orElseThrow(() -> new AssertionError("no policy rule for " + call));
    }

    private static Stream<Call> calls() {
        return SampleCalls.ALL.stream();
    }

    private static Reply send(ContractClient client, Call call) {
        return new Reply(client.send(call.method(), call.path(), call.body(), Map.of()));
    }

    /** The reply with the assertions every refusal shares. */
    record Reply(ContractClient.Reply reply) {

        JsonNode refused(int status, String type) {
            assertThat(reply.status()).as("%s", reply.body()).isEqualTo(status);
            assertThat(reply.contentType()).startsWith("application/problem+json");
            assertThat(reply.body().get("type").asString()).isEqualTo("urn:hybridmatch:problem:" + type);
            assertThat(reply.body().get("status").asInt()).isEqualTo(status);
            return reply.body();
        }
    }

    private static boolean indexed;

    /** Once per engine: indexing is idempotent, but each pass costs embeddings and refreshes. */
    @BeforeEach
    void tenantDocuments() {
        if (indexed) {
            return;
        }
        indexed = true;
        String updated = Instant.now().minusSeconds(60).toString();
        for (String tenant : List.of("acme", "globex")) {
            long offset = tenant.equals("acme") ? 1 : 2;
            indexer.index(SearchIndex.CANDIDATES, Map.of("candidate_id", 7_450_000L + offset, "headline",
                    "Java developer " + tenant, "skills", List.of("java", "spring"), "location", "Paris",
                    "experience_years", 5, "tenant_id", tenant, "updated_at", updated));
            indexer.index(SearchIndex.JOB_OFFERS, Map.of("job_offer_id", 7_450_100L + offset, "title",
                    "Java developer at " + tenant, "required_skills", List.of("java"), "location", "Paris",
                    "tenant_id", tenant, "updated_at", updated));
        }
    }

    @Test
    void everyContractOperationHasASampleCallAndTheContractStatesThePolicysScope() {
        OpenAPI contract = new OpenAPIV3Parser().read(getClass().getClassLoader()
                .getResource(ContractController.OPENAPI_RESOURCE).toString());
        assertThat(contract.getComponents().getSecuritySchemes()).containsKeys("bearerAuth", "apiKeyHeader");
        Set<String> operations = new TreeSet<>();
        contract.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            operations.add(operation.getOperationId());
            Call call = SampleCalls.ALL.stream().filter(c -> c.operationId().equals(operation.getOperationId())).findFirst()
                    .orElseThrow(() -> new AssertionError("no sample call for " + operation.getOperationId()));
            assertThat(call.method()).isEqualTo(method.name());
            AccessPolicy.Rule rule = rule(call);
            assertThat(rule.pattern()).as("%s", call).isEqualTo(path);
            assertThat(operation.getExtensions()).as("%s", call).containsEntry("x-required-scope", rule.scope().wireName());
            assertThat(operation.getResponses()).as("%s", call).containsKeys("401", "403");
        }));
        assertThat(operations).hasSameSizeAs(SampleCalls.ALL);
        // every rule outside the actuator is an operation of the contract
        assertThat(EndpointPolicy.RULES.stream().filter(r -> !r.pattern().startsWith("/actuator")))
                .allSatisfy(r -> assertThat(contract.getPaths().get(r.pattern())).as("%s", r).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void withoutAKeyIs401(Call call) {
        JsonNode problem = send(anonymous(), call).refused(401, "unauthorized");
        assertThat(problem.get("detail").asString()).contains("Authorization: Bearer");
        assertThat(send(anonymous(), call).reply().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void anUnknownKeyIs401InEitherHeader(Call call) {
        ContractClient client = anonymous();
        for (Map<String, String> header : List.of(Map.of("Authorization", "Bearer not-a-known-key-123456"),
                Map.of("X-API-Key", "not-a-known-key-123456"), Map.of("Authorization", "Basic dGVzdDp0ZXN0"))) {
            new Reply(client.send(call.method(), call.path(), call.body(), header)).refused(401, "unauthorized");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aKeyWithoutTheScopeIs403(Call call) {
        AccessPolicy.Rule rule = rule(call);
        TestKeys.Key lacking = rule.scope().wireName().equals("match") ? TestKeys.METRICS_ONLY : TestKeys.MATCH_ONLY;
        JsonNode problem = send(as(lacking), call).refused(403, "forbidden");
        assertThat(problem.get("detail").asString()).contains("lacks scope '" + rule.scope().wireName() + "'");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void theRightKeyPassesInEitherHeader(Call call) {
        ContractClient.Reply bearer = as(TestKeys.ADMIN).send(call.method(), call.path(), call.body(), Map.of());
        assertThat(bearer.status()).as("%s %s", call, bearer.body()).isBetween(200, 299);
        ContractClient.Reply header = anonymous().send(call.method(), call.path(), call.body(),
                Map.of("X-API-Key", TestKeys.ADMIN.key()));
        assertThat(header.status()).as("%s %s", call, header.body()).isBetween(200, 299);
    }

    /** As MVC would answer, but decided by the policy: the key is judged first, then the method, never a handler. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aMethodThePolicyDoesNotListForThePathIs405WithTheAllowedOnes(Call call) throws Exception {
        String path = URI.create(call.path()).getPath();
        List<String> listed = EndpointPolicy.RULES.stream()
                .filter(r -> PathPatternParser.defaultInstance.parse(r.pattern()).matches(PathContainer.parsePath(path)))
                .map(r -> r.method().name()).toList();
        String other = Stream.of("PUT", "PATCH", "DELETE", "POST", "GET").filter(m -> !listed.contains(m))
                .findFirst().orElseThrow();
        // not through the contract client: the contract cannot declare an operation that does not exist
        HttpResponse<String> refused = raw(other, call.path(), TestKeys.ADMIN);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(405);
        JsonNode problem = JsonMapper.shared().readTree(refused.body());
        assertThat(problem.get("type").asString()).isEqualTo("urn:hybridmatch:problem:method-not-allowed");
        assertThat(problem.get("detail").asString()).contains(other);
        assertThat(refused.headers().firstValue("Allow").orElseThrow().split(",\\s*"))
                .containsExactlyInAnyOrderElementsOf(listed);
        assertThat(raw(other, call.path(), null).statusCode()).isEqualTo(401);
    }

    /** Endpoints over every tenant's data refuse a tenant's key, even one holding every scope. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("calls")
    void aTenantsKeyIsRefusedWhereverTheDataSpansTenants(Call call) {
        AccessPolicy.Rule rule = rule(call);
        ContractClient.Reply reply = as(TestKeys.ACME_ALL_SCOPES).send(call.method(), call.path(), call.body(), Map.of());
        if (rule.tenancy() == AccessPolicy.Tenancy.ALL_TENANTS) {
            JsonNode problem = new Reply(reply).refused(403, "forbidden");
            assertThat(problem.get("detail").asString()).contains("spans all tenants").contains("'acme'");
        } else {
            assertThat(reply.status()).as("%s %s", call, reply.body()).isBetween(200, 299);
        }
    }

    @Test
    void aTenantsKeyNamingAnotherTenantIs403OnEveryConfinedEndpoint() {
        ContractClient acme = as(TestKeys.ACME);
        Map<String, Call> crossing = new LinkedHashMap<>();
        crossing.put("filter", new Call("matchCandidates", "POST", "/match/candidates",
                "{\"job_offer_id\":7450101,\"filters\":{\"tenant_id\":\"globex\"}}"));
        crossing.put("inline offer", new Call("matchCandidates", "POST", "/match/candidates",
                "{\"job_offer\":{\"job_offer_id\":1,\"title\":\"Java\",\"tenant_id\":\"globex\",\"updated_at\":\"2026-11-01T00:00:00Z\"}}"));
        crossing.put("stored offer", new Call("matchCandidates", "POST", "/match/candidates", "{\"job_offer_id\":7450102}"));
        crossing.put("stored offer without tenant", new Call("matchCandidates", "POST", "/match/candidates", "{\"job_offer_id\":101}"));
        crossing.put("offers filter", new Call("matchOffers", "POST", "/match/offers",
                "{\"candidate_id\":7450001,\"filters\":{\"tenant_id\":\"globex\"}}"));
        crossing.put("inline candidate", new Call("matchOffers", "POST", "/match/offers",
                "{\"candidate\":{\"candidate_id\":1,\"headline\":\"Java\",\"tenant_id\":\"globex\",\"updated_at\":\"2026-11-01T00:00:00Z\"}}"));
        crossing.put("stored candidate", new Call("matchOffers", "POST", "/match/offers", "{\"candidate_id\":7450002}"));
        crossing.put("feedback", new Call("feedback", "POST", "/feedback",
                "{\"search_id\":\"x\",\"result_id\":1,\"rank\":1,\"event\":\"click\",\"fusion\":\"rrf\",\"tenant_id\":\"globex\"}"));
        crossing.put("rates", new Call("feedbackRates", "GET", "/feedback/rates?tenant_id=globex", null));
        crossing.forEach((what, call) -> {
            JsonNode problem = send(acme, call).refused(403, "forbidden");
            assertThat(problem.get("detail").asString()).as(what).contains("bound to tenant 'acme'");
        });
        // the same requests within its own tenant pass
        assertThat(acme.post("/match/candidates", Map.of("job_offer_id", 7_450_101, "filters", Map.of("tenant_id", "acme"))).status()).isEqualTo(200);
        assertThat(acme.post("/match/offers", Map.of("candidate_id", 7_450_001)).status()).isEqualTo(200);
        assertThat(acme.getJson("/feedback/rates?tenant_id=acme").status()).isEqualTo(200);
    }

    @Test
    void aTenantsKeyThatNamesNoTenantIsConfinedToItsOwn() {
        Map<String, Object> offer = Map.of("job_offer_id", 7_450_199, "title", "Java developer", "required_skills",
                List.of("java"), "location", "Paris", "updated_at", "2026-11-01T00:00:00Z");
        Map<String, Object> request = Map.of("job_offer", offer, "size", 50);
        List<Long> acme = ids(as(TestKeys.ACME).post("/match/candidates", request));
        List<Long> globex = ids(as(TestKeys.GLOBEX).post("/match/candidates", request));
        List<Long> everyone = ids(as(TestKeys.ADMIN).post("/match/candidates", request));
        List<Long> demo = java.util.stream.LongStream.rangeClosed(1, 12).boxed().toList(); // no tenant
        assertThat(acme).contains(7_450_001L).doesNotContain(7_450_002L).doesNotContainAnyElementsOf(demo);
        assertThat(globex).contains(7_450_002L).doesNotContain(7_450_001L).doesNotContainAnyElementsOf(demo);
        assertThat(everyone).contains(7_450_001L, 7_450_002L, 1L);
        // by id: the tenant's own offer, matched within the tenant
        assertThat(ids(as(TestKeys.ACME).post("/match/candidates", Map.of("job_offer_id", 7_450_101))))
                .contains(7_450_001L).doesNotContain(7_450_002L).doesNotContainAnyElementsOf(demo);
        assertThat(ids(as(TestKeys.ACME).post("/match/offers", Map.of("candidate_id", 7_450_001))))
                .contains(7_450_101L).doesNotContain(7_450_102L).doesNotContainAnyElementsOf(List.of(101L, 102L, 103L, 104L, 105L, 106L, 107L, 108L));
    }

    @Test
    void feedbackIsStampedWithTheKeysTenantAndRatesAreReadPerTenant() {
        String fusion = "tenant-ab-" + System.nanoTime();
        String impression = "{\"search_id\":\"t\",\"result_id\":1,\"rank\":1,\"event\":\"impression\",\"fusion\":\"" + fusion + "\"}";
        as(TestKeys.ACME).postRaw("/feedback", impression);
        as(TestKeys.ACME).postRaw("/feedback", impression);
        as(TestKeys.GLOBEX).postRaw("/feedback", impression);
        assertThat(as(TestKeys.ACME).getJson("/feedback/rates").body().at("/by_fusion/" + fusion + "/impressions").asLong()).isEqualTo(2);
        assertThat(as(TestKeys.GLOBEX).getJson("/feedback/rates").body().at("/by_fusion/" + fusion + "/impressions").asLong()).isEqualTo(1);
        assertThat(as(TestKeys.ADMIN).getJson("/feedback/rates?tenant_id=acme").body().at("/by_fusion/" + fusion + "/impressions").asLong()).isEqualTo(2);
        assertThat(as(TestKeys.ADMIN).getJson("/feedback/rates").body().at("/by_fusion/" + fusion + "/impressions").asLong()).isEqualTo(3);
    }

    @Test
    void refusedWritesChangeNothing() {
        float[] kept = UnitVectors.random(384, 7_450_950);
        as(TestKeys.ADMIN).post("/faiss/upsert", Map.of("index", "candidates", "items", List.of(Map.of("id", 7_450_950, "vector", kept))));
        String delete = "{\"index\":\"candidates\",\"ids\":[7450950]}";
        for (ContractClient client : List.of(anonymous(), as(TestKeys.MATCH_ONLY), as(TestKeys.ACME_ALL_SCOPES))) {
            assertThat(client.postRaw("/faiss/delete", delete).status()).isIn(401, 403);
        }
        assertThat(as(TestKeys.ADMIN).getJson("/faiss/indexes/candidates/vectors/7450950").status()).isEqualTo(200);
    }

    @Test
    void healthAndTheContractAreOpenMetricsNeedTheirScopeAndUnknownPathsAreDenied() throws Exception {
        assertThat(raw("GET", "/actuator/health", null).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/openapi.yaml", null).statusCode()).isEqualTo(200);
        assertThat(raw("GET", "/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(raw("GET", "/actuator/prometheus", TestKeys.MATCH_ONLY).statusCode()).isEqualTo(403);
        assertThat(raw("GET", "/actuator/prometheus", TestKeys.ACME_ALL_SCOPES).statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = raw("GET", "/actuator/prometheus", TestKeys.METRICS_ONLY);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("hybridmatch_");
        assertThat(raw("GET", "/actuator/env", null).statusCode()).isEqualTo(401);
        assertThat(raw("GET", "/actuator/env", TestKeys.ADMIN).statusCode()).isEqualTo(403);
        assertThat(raw("DELETE", "/faiss/indexes/candidates", TestKeys.ADMIN).statusCode()).isEqualTo(405);
        assertThat(raw("GET", "/no/such/path", null).statusCode()).isEqualTo(401);
    }

    @Test
    void keysInTheFileRotateWithoutRestart() throws Exception {
        ContractClient one = new ContractClient(port, FILE_KEY_1);
        ContractClient two = new ContractClient(port, FILE_KEY_2);
        String search = "{\"index\":\"candidates\",\"vector\":" + SampleCalls.vector(1) + ",\"top_k\":1}";
        assertThat(one.postRaw("/faiss/search", search).status()).isEqualTo(200);
        assertThat(one.postRaw("/faiss/upsert", "{\"index\":\"candidates\",\"items\":[{\"id\":7450960,\"vector\":" + SampleCalls.vector(2) + "}]}").status())
                .as("the file gives it vectors:read only").isEqualTo(403);

        TestKeys.writeKeyFile(KEY_FILE, "file-key", FILE_KEY_2);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (two.postRaw("/faiss/search", search).status() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(two.postRaw("/faiss/search", search).status()).isEqualTo(200);
        assertThat(one.postRaw("/faiss/search", search).status()).as("the rotated-out key").isEqualTo(401);

        Files.writeString(KEY_FILE, "- name: broken\n  sha256: [not, a, digest\n");
        Thread.sleep(2_500); // past the reload interval
        assertThat(two.postRaw("/faiss/search", search).status()).as("a broken file keeps the previous keys").isEqualTo(200);
        TestKeys.writeKeyFile(KEY_FILE, "file-key", FILE_KEY_2);
    }

    @Test
    void keysNeverReachTheLog(CapturedOutput output) {
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel("org.springframework.security", LogLevel.TRACE);
        logging.setLogLevel("io.hybridmatch", LogLevel.TRACE);
        try {
            for (Call call : SampleCalls.ALL) {
                send(as(TestKeys.ADMIN), call);
                send(as(TestKeys.ACME), call);
                send(new ContractClient(port, "unknown-key-4b8e2d6f0a"), call);
            }
        } finally {
            logging.setLogLevel("org.springframework.security", null);
            logging.setLogLevel("io.hybridmatch", null);
        }
        assertThat(output.getAll()).as("security logging happened at all").contains("ApiKeyAuthentication");
        List<String> secrets = new ArrayList<>(TestKeys.ALL.stream().map(TestKeys.Key::key).toList());
        secrets.addAll(List.of("unknown-key-4b8e2d6f0a", FILE_KEY_1, FILE_KEY_2));
        for (String secret : secrets) {
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    private HttpResponse<String> raw(String method, String path, TestKeys.Key key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(30));
        if (key != null) {
            request.header("Authorization", "Bearer " + key.key());
        }
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private static List<Long> ids(ContractClient.Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        return reply.body().get("hits").valueStream().map(hit -> hit.get("id").asLong()).toList();
    }
}

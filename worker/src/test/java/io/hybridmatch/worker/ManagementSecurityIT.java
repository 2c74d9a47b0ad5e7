package io.hybridmatch.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.security.ApiKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's management port over real HTTP, its keys in a key file as bin/demo-keys writes it (digests only):
 * health open, the Prometheus scrape with scope metrics, anything else admin, 401/403 as RFC 7807 documents. The
 * Celery runtime is left out: it plays no part in who may read the port.
 */
@SpringBootTest(classes = WorkerApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {WorkerApplication.CONFIG_NAME,
                "spring.autoconfigure.exclude=io.hybridmatch.celery.worker.boot.CeleryWorkerAutoConfiguration"})
class ManagementSecurityIT {

    static final String METRICS_KEY = "metrics-key-" + java.util.UUID.randomUUID();
    static final String ADMIN_KEY = "admin-key-" + java.util.UUID.randomUUID();
    static final String ENGINE_KEY = "engine-writer-key-" + java.util.UUID.randomUUID();
    static final String TENANT_KEY = "acme-metrics-key-" + java.util.UUID.randomUUID();

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("hybridmatch.security.api-keys-file", ManagementSecurityIT::keyFile);
        // the worker does not start without its indexing settings (WithoutElasticsearchIT)
        registry.add("hybridmatch.elasticsearch.url", () -> TestElasticsearch.url().toString());
    }

    private static String keyFile() {
        try {
            Path file = Files.createTempFile("worker-api-keys", ".yml");
            file.toFile().deleteOnExit();
            Files.writeString(file, record("prometheus", METRICS_KEY, null, "[metrics]")
                    + record("operator", ADMIN_KEY, null, "[admin]")
                    + record("worker", ENGINE_KEY, null, "[\"vectors:read\", \"vectors:write\"]")
                    + record("acme", TENANT_KEY, "acme", "[match, metrics]"));
            return file.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String record(String name, String key, String tenant, String scopes) {
        return "- name: " + name + "\n  sha256: " + ApiKeys.sha256Hex(key) + "\n"
                + (tenant == null ? "" : "  tenant: " + tenant + "\n") + "  scopes: " + scopes + "\n";
    }

    private HttpResponse<String> send(String method, String path, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> reply, int status, String type) {
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(status);
        assertThat(reply.headers().firstValue("Content-Type")).hasValueSatisfying(
                value -> assertThat(value).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(reply.body());
        assertThat(body.get("type").asString()).isEqualTo("urn:hybridmatch:problem:" + type);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        return body;
    }

    @Test
    void healthIsOpen() throws Exception {
        HttpResponse<String> health = send("GET", "/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(health.body()).get("status").asString()).isEqualTo("UP");
    }

    @Test
    void thePrometheusScrapeNeedsAKey() throws Exception {
        JsonNode noKey = problem(send("GET", "/actuator/prometheus", null), 401, "unauthorized");
        assertThat(noKey.get("detail").asString()).contains("Authorization: Bearer");
        assertThat(send("GET", "/actuator/prometheus", null).headers().firstValue("WWW-Authenticate"))
                .hasValueSatisfying(value -> assertThat(value).startsWith("Bearer"));
        JsonNode unknown = problem(send("GET", "/actuator/prometheus", "not-a-known-key-0123456789"), 401, "unauthorized");
        assertThat(unknown.get("detail").asString()).isEqualTo("the API key is not known");
    }

    @Test
    void thePrometheusScrapeNeedsScopeMetricsOnAKeyWithoutTenant() throws Exception {
        JsonNode writer = problem(send("GET", "/actuator/prometheus", ENGINE_KEY), 403, "forbidden");
        assertThat(writer.get("detail").asString()).contains("'worker' lacks scope 'metrics'");
        JsonNode tenant = problem(send("GET", "/actuator/prometheus", TENANT_KEY), 403, "forbidden");
        assertThat(tenant.get("detail").asString()).contains("spans all tenants").contains("'acme'");

        HttpResponse<String> scrape = send("GET", "/actuator/prometheus", METRICS_KEY);
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("jvm_memory_used_bytes");
    }

    @Test
    void everythingElseNeedsAdmin() throws Exception {
        assertThat(problem(send("GET", "/actuator", METRICS_KEY), 403, "forbidden").get("detail").asString())
                .contains("lacks scope 'admin'");
        assertThat(problem(send("POST", "/actuator/prometheus", METRICS_KEY), 403, "forbidden").get("detail").asString())
                .contains("lacks scope 'admin'");
        problem(send("GET", "/actuator/env", null), 401, "unauthorized");
        // admin passes the policy; the actuator itself then answers (the endpoint index, a 404 for what is not exposed)
        assertThat(send("GET", "/actuator", ADMIN_KEY).statusCode()).isEqualTo(200);
        assertThat(send("GET", "/actuator/env", ADMIN_KEY).statusCode()).isEqualTo(404);
    }
}

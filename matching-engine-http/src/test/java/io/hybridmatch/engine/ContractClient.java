package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.hybridmatch.engine.api.ContractController;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Talks to the running service over real HTTP and checks every exchange against the OpenAPI document in
 * contracts/: a response the contract does not describe fails the test that caused it.
 */
final class ContractClient {

    record Reply(int status, String contentType, JsonNode body, java.net.http.HttpHeaders headers) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(ContractClient.class.getClassLoader()
                    .getResource(ContractController.OPENAPI_RESOURCE).toString())
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String apiKey;

    /** A client with the tests' all-scope key. */
    ContractClient(int port) {
        this(port, TestKeys.ADMIN.key());
    }

    /** {@code apiKey} null: no Authorization header. */
    ContractClient(int port, String apiKey) {
        this.baseUrl = "http://127.0.0.1:" + port;
        this.apiKey = apiKey;
    }

    ContractClient as(TestKeys.Key key) {
        return new ContractClient(Integer.parseInt(baseUrl.substring(baseUrl.lastIndexOf(':') + 1)), key.key());
    }

    String baseUrl() {
        return baseUrl;
    }

    /** POSTs a body that the contract allows and checks request and response against it. */
    Reply post(String path, Object body) {
        return exchange(path, JSON.writeValueAsString(body), true);
    }

    /** POSTs raw text that may violate the contract on purpose; only the response is checked against it. */
    Reply postRaw(String path, String body) {
        return exchange(path, body, false);
    }

    String get(String path) {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + path))).GET().build());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** GETs a JSON resource and checks the exchange against the contract. */
    Reply getJson(String pathAndQuery) {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))).GET().build());
        URI uri = URI.create(pathAndQuery);
        SimpleRequest.Builder request = authorized(SimpleRequest.Builder.get(uri.getPath()));
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return checked(request.build(), uri.getPath(), response, apiKey != null);
    }

    /** POSTs with no body, e.g. the repair, and returns the raw answer (not JSON). */
    HttpResponse<String> postEmpty(String path) {
        return send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + path))).POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    /**
     * Any request with this client's key (if any) and the given headers; only the response is checked against the
     * contract, so requests may be refused on purpose.
     */
    Reply send(String method, String pathAndQuery, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        headers.forEach(request::header);
        String path = URI.create(pathAndQuery).getPath();
        SimpleRequest.Builder described = new SimpleRequest.Builder(method, path);
        return checked(described.build(), path, send(request.build()), false);
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    private SimpleRequest.Builder authorized(SimpleRequest.Builder request) {
        return apiKey == null ? request : request.withAuthorization("Bearer " + apiKey);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Reply exchange(String path, String body, boolean requestMustConform) {
        HttpResponse<String> response = send(authorized(HttpRequest.newBuilder(URI.create(baseUrl + path)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        SimpleRequest request = authorized(SimpleRequest.Builder.post(path))
                .withContentType("application/json").withBody(body).build();
        return checked(request, path, response, requestMustConform && apiKey != null);
    }

    private Reply checked(SimpleRequest request, String path, HttpResponse<String> response, boolean requestMustConform) {
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        SimpleResponse reply = SimpleResponse.Builder.status(response.statusCode())
                .withContentType(contentType).withBody(response.body()).build();
        ValidationReport report = requestMustConform
                ? VALIDATOR.validate(request, reply)
                : VALIDATOR.validateResponse(path, request.getMethod(), reply);
        assertThat(report.getMessages()).as("contract violations for %s %s -> %s %s",
                request.getMethod(), path, response.statusCode(), response.body()).isEmpty();
        boolean json = contentType.contains("json") && !contentType.contains("ndjson");
        return new Reply(response.statusCode(), contentType, json ? JSON.readTree(response.body()) : null, response.headers());
    }
}

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

    record Reply(int status, String contentType, JsonNode body) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final OpenApiInteractionValidator VALIDATOR = OpenApiInteractionValidator
            .createForSpecificationUrl(ContractClient.class.getClassLoader()
                    .getResource(ContractController.OPENAPI_RESOURCE).toString())
            .build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    ContractClient(int port) {
        this.baseUrl = "http://127.0.0.1:" + port;
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
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build());
        assertThat(response.statusCode()).as("GET %s", path).isEqualTo(200);
        return response.body();
    }

    /** GETs a JSON resource and checks the exchange against the contract. */
    Reply getJson(String pathAndQuery) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).GET().build());
        URI uri = URI.create(pathAndQuery);
        SimpleRequest.Builder request = SimpleRequest.Builder.get(uri.getPath());
        if (uri.getQuery() != null) {
            for (String pair : uri.getQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        return checked(request.build(), uri.getPath(), response, true);
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
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build());
        SimpleRequest request = SimpleRequest.Builder.post(path)
                .withContentType("application/json").withBody(body).build();
        return checked(request, path, response, requestMustConform);
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
        return new Reply(response.statusCode(), contentType, JSON.readTree(response.body()));
    }
}

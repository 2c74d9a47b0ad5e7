package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Asks {@code /_cluster/health} whether a node serves requests. ({@code GET /} is no use: it
 * answers 405 on the integ-test distribution.)
 */
final class ClusterHealthProbe {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final HttpRequest request;

    ClusterHealthProbe(URI url) {
        this.request = HttpRequest.newBuilder(url.resolve("/_cluster/health"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
    }

    /** True when the cluster answers with status green or yellow; false while it is not up yet. */
    boolean isHealthy() {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body().replace(" ", "");
            return response.statusCode() == 200
                    && (body.contains("\"status\":\"green\"") || body.contains("\"status\":\"yellow\""));
        } catch (IOException notUpYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}

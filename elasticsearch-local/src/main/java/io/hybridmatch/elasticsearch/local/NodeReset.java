package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Empties a test node over HTTP: every index that is not hidden (open or closed) and every snapshot repository, so
 * that a test JVM given a node another JVM used before starts as on a new node. Index templates stay: the code that
 * puts them does so at every start.
 */
final class NodeReset {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI url;

    NodeReset(URI url) {
        this.url = url;
    }

    void run() throws IOException {
        List<String> indexes = names("/_cat/indices?h=index&expand_wildcards=open,closed");
        if (!indexes.isEmpty()) {
            // by name: a wildcard delete is refused (action.destructive_requires_name)
            send("DELETE", "/" + String.join(",", indexes));
        }
        for (String repository : names("/_cat/repositories?h=id")) {
            send("DELETE", "/_snapshot/" + repository);
        }
    }

    private List<String> names(String catPath) throws IOException {
        return send("GET", catPath).lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    }

    private String send(String method, String path) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(url.resolve(path)).timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted during " + method + " " + path, e);
        }
    }
}

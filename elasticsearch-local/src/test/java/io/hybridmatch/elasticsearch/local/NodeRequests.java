package io.hybridmatch.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Bodiless requests to a test node that must answer 200, and the check that a node's port is closed. */
final class NodeRequests {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private NodeRequests() {
    }

    static String send(String method, URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(uri).method(method, HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    static void assertPortClosed(int port) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }
}

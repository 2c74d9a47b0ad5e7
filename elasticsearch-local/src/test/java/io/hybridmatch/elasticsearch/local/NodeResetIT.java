package io.hybridmatch.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalElasticsearchExtension.class)
class NodeResetIT {

    @Test
    void deletesOpenAndClosedIndexesAndSnapshotRepositories(URI elasticsearch) throws Exception {
        NodeRequests.send("PUT", elasticsearch.resolve("/reset-open"));
        NodeRequests.send("PUT", elasticsearch.resolve("/reset-closed"));
        NodeRequests.send("POST", elasticsearch.resolve("/reset-closed/_close"));
        HttpResponse<String> repository = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        elasticsearch.resolve("/_snapshot/reset-backups"))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"type\":\"fs\",\"settings\":{\"location\":\"reset-backups\"}}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(repository.statusCode()).as(repository.body()).isEqualTo(200);

        new NodeReset(elasticsearch).run();

        assertThat(NodeRequests.send("GET", elasticsearch.resolve("/_cat/indices?h=index&expand_wildcards=open,closed")))
                .isBlank();
        assertThat(NodeRequests.send("GET", elasticsearch.resolve("/_cat/repositories?h=id"))).isBlank();
        assertThat(NodeRequests.send("GET", elasticsearch.resolve("/_cluster/health?wait_for_status=yellow")))
                .contains("\"status\"");
    }
}

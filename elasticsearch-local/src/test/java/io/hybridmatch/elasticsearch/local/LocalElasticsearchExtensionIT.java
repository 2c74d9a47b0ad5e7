package io.hybridmatch.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(LocalElasticsearchExtension.class)
class LocalElasticsearchExtensionIT {

    @Test
    void injectsTheUrlOfAHealthySharedNode(URI elasticsearch) throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(elasticsearch.resolve("/_cluster/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(elasticsearch).isEqualTo(TestElasticsearch.url());
    }
}

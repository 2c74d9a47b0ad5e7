package io.hybridmatch.search.elasticsearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Credentials reach a secured cluster. The local test node runs without security, so a loopback stand-in plays a
 * secured one: it challenges requests without the expected Authorization header (401 + WWW-Authenticate, as
 * Elasticsearch does) and records what it received.
 */
class ElasticsearchClientsTest {

    private HttpServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    private volatile String expected;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            received.add(String.valueOf(authorization));
            exchange.getResponseHeaders().add("X-Elastic-Product", "Elasticsearch");
            if (!expected.equals(authorization)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"security\"");
                exchange.getResponseHeaders().add("WWW-Authenticate", "ApiKey");
                exchange.sendResponseHeaders(401, -1);
            } else {
                exchange.sendResponseHeaders(200, -1);
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI url(String userInfo) {
        return URI.create("http://" + (userInfo == null ? "" : userInfo + "@") + "127.0.0.1:" + server.getAddress().getPort());
    }

    private boolean ping(ElasticsearchClient client) throws IOException {
        try (client) {
            return client.ping().value();
        }
    }

    @Test
    void anApiKeyIsSentAsTheApiKeyScheme() throws IOException {
        expected = "ApiKey c2VjcmV0LWlkOnNlY3JldC1rZXk=";
        assertThat(ping(ElasticsearchClients.create(url(null),
                new ElasticsearchCredentials(null, null, "c2VjcmV0LWlkOnNlY3JldC1rZXk=")))).isTrue();
        assertThat(received).containsOnly(expected);
    }

    @Test
    void aUserAndPasswordAnswerTheBasicChallengeAndWinOverTheUrl() throws IOException {
        expected = "Basic " + Base64.getEncoder().encodeToString("indexer:s3cr3t pass".getBytes(StandardCharsets.UTF_8));
        assertThat(ping(ElasticsearchClients.create(url("other:wrong"),
                new ElasticsearchCredentials("indexer", "s3cr3t pass", null)))).isTrue();
        assertThat(received).last().isEqualTo(expected);
    }

    @Test
    void theUrlsUserInfoStillWorksAndNoCredentialsAreRefused() throws IOException {
        expected = "Basic " + Base64.getEncoder().encodeToString("elastic:p@ss".getBytes(StandardCharsets.UTF_8));
        assertThat(ping(ElasticsearchClients.create(url("elastic:p%40ss")))).isTrue();
        assertThatThrownBy(() -> ping(ElasticsearchClients.create(url(null)))).hasMessageContaining("status: 401");
    }

    @Test
    void theServicesSettingsNameTheCredentialsAndBlankMeansNone() throws IOException {
        expected = "ApiKey a2V5LWZyb20tcHJvcGVydGllcw==";
        assertThat(ping(new ElasticsearchSettings(url(null).toString(), "", null, "a2V5LWZyb20tcHJvcGVydGllcw==", null)
                .connect())).isTrue();
        assertThat(received).containsOnly(expected);
        expected = "Basic " + Base64.getEncoder().encodeToString("elastic:from-url".getBytes(StandardCharsets.UTF_8));
        assertThat(ping(new ElasticsearchSettings(url("elastic:from-url").toString(), "", "", "", null).connect())).isTrue();
    }

    @Test
    void aMissingUrlIsRefusedWithWhatToSet() {
        assertThatThrownBy(() -> new ElasticsearchSettings(" ", null, null, null, null))
                .hasMessageContaining("hybridmatch.elasticsearch.url").hasMessageContaining("ELASTICSEARCH_URL");
    }

    @Test
    void credentialsNeverShowInToString() {
        assertThat(new ElasticsearchCredentials("indexer", "s3cr3t", "a2V5").toString())
                .contains("indexer").doesNotContain("s3cr3t").doesNotContain("a2V5");
    }
}

package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the Elasticsearch 8.19 Java client (low-level RestClient transport, Jackson 2 mapper). */
public final class ElasticsearchClients {

    /** The low-level client's own socket timeout: a request without an answer by then is a failure (retried). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private ElasticsearchClients() {
    }

    /**
     * A client for {@code url}, e.g. {@code http://127.0.0.1:9200} or {@code https://user:password@host:9243/es}
     * (basic authentication from the URL's user info, path prefix from its path). Closing the client closes
     * its connections.
     */
    public static ElasticsearchClient create(URI url) {
        return create(url, ElasticsearchCredentials.none());
    }

    /** A client for {@code url} authenticating with {@code credentials}, which take precedence over the URL's user info. */
    public static ElasticsearchClient create(URI url, ElasticsearchCredentials credentials) {
        return create(url, credentials, DEFAULT_TIMEOUT);
    }

    /** The same, waiting at most {@code timeout} for an answer. */
    public static ElasticsearchClient create(URI url, ElasticsearchCredentials credentials, Duration timeout) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), port, url.getScheme()));
        if (url.getPath() != null && !url.getPath().isEmpty() && !"/".equals(url.getPath())) {
            builder.setPathPrefix(url.getPath()); // a cluster behind a reverse proxy
        }
        builder.setRequestConfigCallback(request -> request.setSocketTimeout(Math.toIntExact(timeout.toMillis())));
        if (credentials.hasApiKey()) {
            builder.setDefaultHeaders(new Header[]{new BasicHeader("Authorization", "ApiKey " + credentials.apiKey().trim())});
        } else if (credentials.hasUsername()) {
            basicAuthentication(builder, credentials.username(), credentials.password() == null ? "" : credentials.password());
        } else if (url.getRawUserInfo() != null) {
            String[] userAndPassword = url.getRawUserInfo().split(":", 2);
            basicAuthentication(builder, decode(userAndPassword[0]), userAndPassword.length > 1 ? decode(userAndPassword[1]) : "");
        }
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper()));
    }

    private static void basicAuthentication(RestClientBuilder builder, String username, String password) {
        BasicCredentialsProvider provider = new BasicCredentialsProvider();
        provider.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(username, password));
        builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(provider));
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}

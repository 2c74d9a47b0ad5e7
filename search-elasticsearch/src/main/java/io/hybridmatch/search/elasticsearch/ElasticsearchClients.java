package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.elasticsearch.client.RestClient;
import org.elasticsearch.client.RestClientBuilder;

/** Builds the Elasticsearch 8.19 Java client (low-level RestClient transport, Jackson 2 mapper). */
public final class ElasticsearchClients {

    private ElasticsearchClients() {
    }

    /**
     * A client for {@code url}, e.g. {@code http://127.0.0.1:9200} or {@code https://user:password@host:9243/es}
     * (basic authentication from the URL's user info, path prefix from its path). Closing the client closes
     * its connections.
     */
    public static ElasticsearchClient create(URI url) {
        int port = url.getPort() != -1 ? url.getPort() : "https".equals(url.getScheme()) ? 443 : 80;
        RestClientBuilder builder = RestClient.builder(new HttpHost(url.getHost(), port, url.getScheme()));
        if (url.getPath() != null && !url.getPath().isEmpty() && !"/".equals(url.getPath())) {
            builder.setPathPrefix(url.getPath()); // a cluster behind a reverse proxy
        }
        if (url.getRawUserInfo() != null) {
            String[] userAndPassword = url.getRawUserInfo().split(":", 2);
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            credentials.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(
                    decode(userAndPassword[0]), userAndPassword.length > 1 ? decode(userAndPassword[1]) : ""));
            builder.setHttpClientConfigCallback(http -> http.setDefaultCredentialsProvider(credentials));
        }
        return new ElasticsearchClient(new RestClientTransport(builder.build(), new JacksonJsonpMapper()));
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}

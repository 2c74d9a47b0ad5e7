package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.URI;
import java.time.Duration;

/**
 * The cluster as the engine and the worker configure it ({@code hybridmatch.elasticsearch.*}), bound by both from
 * this one record. The URL is required: neither service starts a node (bin/run starts a supervised local one and
 * passes its URL), so a service without it refuses to start with this record's message rather than run without
 * Elasticsearch.
 *
 * @param url      e.g. {@code http://127.0.0.1:9200} ({@link ElasticsearchClients#create(URI)} for user info and paths)
 * @param username basic authentication, with {@code password}; blank: none
 * @param apiKey   the {@code encoded} API key, preferred over a user; blank: none
 * @param timeout  how long a request may wait for its answer (default {@link ElasticsearchClients#DEFAULT_TIMEOUT})
 */
public record ElasticsearchSettings(String url, String username, String password, String apiKey, Duration timeout) {

    public ElasticsearchSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("hybridmatch.elasticsearch.url must name the Elasticsearch cluster "
                    + "(environment: HYBRIDMATCH_ELASTICSEARCH_URL, or ELASTICSEARCH_URL for the engine); the engine and "
                    + "the worker do not start one: bin/run starts a local node and passes its URL");
        }
        url = url.strip();
        timeout = timeout == null ? ElasticsearchClients.DEFAULT_TIMEOUT : timeout;
    }

    public ElasticsearchCredentials credentials() {
        return new ElasticsearchCredentials(username, password, apiKey);
    }

    /** A client of the cluster; closing it closes its connections. */
    public ElasticsearchClient connect() {
        return ElasticsearchClients.create(URI.create(url), credentials(), timeout);
    }
}

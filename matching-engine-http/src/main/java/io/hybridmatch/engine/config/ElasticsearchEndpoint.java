package io.hybridmatch.engine.config;

import io.hybridmatch.elasticsearch.local.LocalElasticsearch;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the engine's Elasticsearch is: the configured cluster, used as is, or a local node started from the
 * Maven-fetched distribution whose data lives under the engine's data directory (so it survives restarts).
 */
public final class ElasticsearchEndpoint implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ElasticsearchEndpoint.class);

    private final URI url;
    private final LocalElasticsearch localNode;

    private ElasticsearchEndpoint(URI url, LocalElasticsearch localNode) {
        this.url = url;
        this.localNode = localNode;
    }

    static ElasticsearchEndpoint resolve(HybridmatchProperties properties) {
        HybridmatchProperties.Elasticsearch config = properties.elasticsearch();
        if (config.url() != null && !config.url().isBlank()) {
            return new ElasticsearchEndpoint(URI.create(config.url()), null);
        }
        LocalElasticsearchOptions options = LocalElasticsearchOptions
                .persistent(config.localPort(), properties.dataDir().resolve("elasticsearch"))
                .withHeap(config.localHeap());
        log.info("No hybridmatch.elasticsearch.url: starting a local Elasticsearch node on port {}", config.localPort());
        try {
            LocalElasticsearch node = LocalElasticsearch.start(options);
            return new ElasticsearchEndpoint(node.url(), node);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the local Elasticsearch node", e);
        }
    }

    public URI url() {
        return url;
    }

    @Override
    public void close() {
        if (localNode != null) {
            localNode.close();
        }
    }
}

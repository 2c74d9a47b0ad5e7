package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;

/**
 * The Elasticsearch that tests of this JVM share: the cluster named by {@code ELASTICSEARCH_URL}
 * (environment) or {@code -Delasticsearch.url}, used as is, or else one ephemeral local node,
 * started on first use and stopped at JVM exit.
 */
public final class TestElasticsearch {

    public static final String URL_ENVIRONMENT_VARIABLE = "ELASTICSEARCH_URL";
    public static final String URL_SYSTEM_PROPERTY = "elasticsearch.url";

    private static URI url;
    private static RuntimeException startFailure;

    private TestElasticsearch() {
    }

    @SuppressWarnings("StaticAssignmentOfThrowable") // kept on purpose: see startFailure below
    public static synchronized URI url() {
        if (startFailure != null) {
            // Do not make every later test class wait for a node that already failed to start.
            throw startFailure;
        }
        if (url == null) {
            url = configuredUrl();
        }
        if (url == null) {
            try {
                // generous: on 2 busy cores a node has been seen to need more than the default 120 s
                url = LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral()
                        .withStartTimeout(Duration.ofMinutes(5))).url();
            } catch (IOException | RuntimeException e) {
                startFailure = new IllegalStateException("could not start a local Elasticsearch for tests", e);
                throw startFailure;
            }
        }
        return url;
    }

    /** True when tests run against a cluster named by the environment rather than a local node. */
    public static boolean usesConfiguredCluster() {
        return configuredUrl() != null;
    }

    private static URI configuredUrl() {
        String configured = System.getProperty(URL_SYSTEM_PROPERTY, System.getenv(URL_ENVIRONMENT_VARIABLE));
        return configured == null || configured.isBlank() ? null : URI.create(configured.strip());
    }
}

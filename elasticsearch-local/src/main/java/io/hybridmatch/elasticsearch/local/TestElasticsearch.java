package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Elasticsearch that tests of this JVM share: the cluster named by {@code ELASTICSEARCH_URL}
 * (environment) or {@code -Delasticsearch.url}, used as is; else, when {@code HYBRIDMATCH_TEST_ES_DIR} names a
 * directory, the supervised local node of that directory, started by the first JVM that needs it, emptied when each
 * JVM first uses it and stopped by whoever set the variable ({@code bin/test}: one node for every module's tests
 * instead of one start per module); else one ephemeral local node, started on first use and stopped at JVM exit.
 */
public final class TestElasticsearch {

    public static final String URL_ENVIRONMENT_VARIABLE = "ELASTICSEARCH_URL";
    public static final String URL_SYSTEM_PROPERTY = "elasticsearch.url";
    public static final String SHARED_NODE_DIR_ENVIRONMENT_VARIABLE = "HYBRIDMATCH_TEST_ES_DIR";

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
                url = startLocalNode();
            } catch (IOException | RuntimeException e) {
                startFailure = new IllegalStateException("could not start a local Elasticsearch for tests", e);
                throw startFailure;
            }
        }
        return url;
    }

    private static URI startLocalNode() throws IOException {
        // generous: on 2 busy cores a node has been seen to need more than the default 120 s
        Duration startTimeout = Duration.ofMinutes(5);
        String sharedDir = System.getenv(SHARED_NODE_DIR_ENVIRONMENT_VARIABLE);
        if (sharedDir == null || sharedDir.isBlank()) {
            return LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral().withStartTimeout(startTimeout)).url();
        }
        URI shared = SupervisedElasticsearch.ensure(LocalElasticsearchOptions.persistent(0, Path.of(sharedDir.strip()))
                .withStartTimeout(startTimeout), Duration.ofSeconds(30)).url();
        new NodeReset(shared).run();
        return shared;
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

package io.hybridmatch.elasticsearch.local;

import static io.hybridmatch.elasticsearch.local.NodeRequests.assertPortClosed;
import static io.hybridmatch.elasticsearch.local.NodeRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LocalElasticsearchIT {

    @Test
    void ephemeralNodeIsHealthyThenStopsAndDeletesItsDirectory() throws Exception {
        Path nodeDir;
        int port;
        long started = System.nanoTime();
        try (LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral())) {
            System.out.printf("local Elasticsearch healthy after %.1f s%n", (System.nanoTime() - started) / 1e9);
            port = node.port();
            nodeDir = node.nodeDir();
            assertThat(node.url()).isEqualTo(URI.create("http://127.0.0.1:" + port));
            assertThat(send("GET", node.url().resolve("/_cluster/health")))
                    .containsAnyOf("\"status\":\"green\"", "\"status\":\"yellow\"");
            assertThat(send("GET", node.url().resolve("/_nodes/_local?filter_path=nodes.*.version")))
                    .contains(ElasticsearchDistribution.fromBuild().version());
        }
        assertPortClosed(port);
        assertThat(nodeDir).doesNotExist();
    }

    @Test
    void persistentNodeKeepsItsIndexesAcrossARestart() throws Exception {
        Path nodeDir = Files.createTempDirectory(LocalDirectories.ephemeralNodes(), "persistent-test-");
        int port;
        try {
            try (LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.persistent(0, nodeDir))) {
                port = node.port();
                send("PUT", node.url().resolve("/survivor"));
            }
            assertPortClosed(port);
            try (LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.persistent(0, nodeDir))) {
                assertThat(send("GET", node.url().resolve("/_cat/indices?h=index"))).contains("survivor");
            }
        } finally {
            FileTrees.deleteRecursively(nodeDir);
        }
    }

    @Test
    void failsWithTheConsoleLogTailWhenTheNodeCannotStart() {
        Throwable failure = catchThrowable(() -> LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral().withHeap("1k")));

        assertThat(failure).isInstanceOf(IOException.class)
                .hasMessageContaining("exited with code")
                .hasMessageContaining("--- last lines of ");
        Matcher consoleLog = Pattern.compile("--- last lines of (\\S+) ---").matcher(failure.getMessage());
        assertThat(consoleLog.find()).isTrue();
        assertThat(Path.of(consoleLog.group(1)).getParent()).as("ephemeral node directory").doesNotExist();
    }

    @Test
    void refusesAPortThatIsAlreadyTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path neverCreated = LocalDirectories.ephemeralNodes().resolve("never-created");
            assertThatThrownBy(() -> LocalElasticsearch.start(
                    LocalElasticsearchOptions.persistent(taken.getLocalPort(), neverCreated)))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already in use");
            assertThat(neverCreated).doesNotExist();
        }
    }
}

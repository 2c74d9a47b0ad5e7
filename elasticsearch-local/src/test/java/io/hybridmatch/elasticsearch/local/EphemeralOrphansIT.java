package io.hybridmatch.elasticsearch.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A JVM killed with SIGKILL leaves its ephemeral node running; the next ephemeral start stops it. */
class EphemeralOrphansIT {

    private static final String NODE_LINE = "ephemeral node in ";

    /** The owner JVM: starts an ephemeral node, says where, and waits to be killed. */
    public static void main(String[] args) throws Exception {
        LocalElasticsearch node = LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral());
        System.out.println(NODE_LINE + node.nodeDir());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    @Test
    void theNodeOfAKilledJvmIsStoppedAndDeletedByTheNextEphemeralStart() throws Exception {
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                EphemeralOrphansIT.class.getName()).redirectErrorStream(true).start();
        Path orphan = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(owner.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (orphan == null && (line = out.readLine()) != null) {
                if (line.startsWith(NODE_LINE)) {
                    orphan = Path.of(line.substring(NODE_LINE.length()));
                }
            }
            owner.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(owner.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(orphan).as("the owner JVM's node directory").isNotNull().exists();
        assertThat(NodeProcesses.of(orphan)).as("its node outlives it").isNotEmpty();
        assertThat(EphemeralOrphans.ownerGone(orphan)).isTrue();

        try (LocalElasticsearch next = LocalElasticsearch.start(LocalElasticsearchOptions.ephemeral())) {
            assertThat(NodeProcesses.of(orphan)).as("stopped by the next ephemeral start").isEmpty();
            assertThat(orphan).doesNotExist();
            assertThat(EphemeralOrphans.ownerGone(next.nodeDir())).as("a live owner's node is kept").isFalse();
        }
    }
}

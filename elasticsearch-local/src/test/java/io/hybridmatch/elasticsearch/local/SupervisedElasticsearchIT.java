package io.hybridmatch.elasticsearch.local;

import static io.hybridmatch.elasticsearch.local.NodeRequests.assertPortClosed;
import static io.hybridmatch.elasticsearch.local.NodeRequests.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.TestSocketUtils;

/**
 * The supervised node as the run command uses it: separate processes, crashes, hangs, races and foreign pids.
 */
class SupervisedElasticsearchIT {

    private static final Duration REUSE_TIMEOUT = Duration.ofSeconds(30);

    private Path nodeDir;

    @BeforeEach
    void nodeDirectory() throws IOException {
        nodeDir = Files.createTempDirectory(LocalDirectories.ephemeralNodes(), "supervised-test-");
    }

    @AfterEach
    void stopAndDelete() throws IOException {
        SupervisedElasticsearch.stop(nodeDir);
        FileTrees.deleteRecursively(nodeDir);
    }

    @Test
    void twoConcurrentStartCommandsRunOneNodeWhichTheNextStartReusesAndStopEnds() throws Exception {
        int port = TestSocketUtils.findAvailableTcpPort();
        Process first = startCommand(port);
        Process second = startCommand(port);
        String firstOutput = outputOf(first);
        String secondOutput = outputOf(second);

        assertThat(firstOutput).startsWith("READY http://127.0.0.1:" + port);
        assertThat(secondOutput).startsWith("READY http://127.0.0.1:" + port);
        assertThat(firstOutput + secondOutput).contains("running node reused").contains("new node");
        // the node outlived both commands: one launcher and one server JVM for the directory
        assertThat(NodeProcesses.of(nodeDir)).hasSize(2);
        long serverPid = NodePidFile.read(nodeDir).orElseThrow().serverPid();
        assertThat(firstOutput + secondOutput).contains("pid " + serverPid + ",");

        SupervisedElasticsearch.Node again = SupervisedElasticsearch.ensure(options(port), REUSE_TIMEOUT);
        assertThat(again.reused()).isTrue();
        assertThat(again.pid()).isEqualTo(serverPid);

        assertThat(SupervisedElasticsearch.stop(nodeDir)).isTrue();
        assertThat(NodeProcesses.of(nodeDir)).isEmpty();
        assertThat(NodePidFile.location(nodeDir)).doesNotExist();
        assertPortClosed(port);
        assertThat(SupervisedElasticsearch.stop(nodeDir)).as("nothing left to stop").isFalse();
    }

    @Test
    void aHungThenAKilledNodeIsReplacedKeepingItsIndexesWhileAForeignPidIsLeftAlone() throws Exception {
        SupervisedElasticsearch.Node first = SupervisedElasticsearch.ensure(options(0), REUSE_TIMEOUT);
        send("PUT", first.url().resolve("/survivor"));

        // hung: alive, ours, but not answering
        signal("STOP", first.pid());
        SupervisedElasticsearch.Node second = SupervisedElasticsearch.ensure(options(0), Duration.ofSeconds(2));
        assertThat(second.reused()).isFalse();
        assertThat(second.replaced()).contains("did not answer");
        assertThat(ProcessHandle.of(first.pid())).isEmpty();
        assertThat(send("GET", second.url().resolve("/_cat/indices?h=index"))).contains("survivor");

        // killed, and its pid taken by a process that is not ours
        ProcessHandle killed = ProcessHandle.of(second.pid()).orElseThrow();
        killed.destroyForcibly();
        killed.onExit().get(30, TimeUnit.SECONDS);
        Process foreign = new ProcessBuilder("sleep", "600").start();
        try {
            NodePidFile recorded = NodePidFile.read(nodeDir).orElseThrow();
            new NodePidFile(foreign.pid(), recorded.launcherPid(), recorded.port(), nodeDir).write();

            SupervisedElasticsearch.Node third = SupervisedElasticsearch.ensure(options(0), REUSE_TIMEOUT);
            assertThat(third.reused()).isFalse();
            assertThat(third.replaced()).contains("is not running this node");
            assertThat(foreign.isAlive()).as("a process that is not the node is never signalled").isTrue();
            assertThat(NodeProcesses.of(nodeDir)).hasSize(2);
            assertThat(send("GET", third.url().resolve("/_cat/indices?h=index"))).contains("survivor");
        } finally {
            foreign.destroyForcibly();
        }
    }

    @Test
    void refusesAPortHeldByAProcessThatIsNotItsNode() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SupervisedElasticsearch.ensure(options(taken.getLocalPort()), REUSE_TIMEOUT))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("already in use");
        }
    }

    private LocalElasticsearchOptions options(int port) {
        return LocalElasticsearchOptions.persistent(port, nodeDir).withStartTimeout(Duration.ofMinutes(4));
    }

    private Process startCommand(int port) throws IOException {
        Path java = Paths.get(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LocalElasticsearchMain.class.getName(), "start", "--port", Integer.toString(port),
                "--data", nodeDir.toString(), "--timeout-seconds", "240")
                .redirectErrorStream(true)
                .start();
    }

    private static String outputOf(Process command) throws Exception {
        assertThat(command.waitFor(6, TimeUnit.MINUTES)).as("start command finished").isTrue();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.exitValue()).as(output).isZero();
        return output;
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
    }
}

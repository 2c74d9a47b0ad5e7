package io.hybridmatch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class OrtEnvironmentHoldTest {

    /**
     * The worker's case: the model loading (and embedding) on a daemon thread while the JVM exits. Without the hold
     * ONNX Runtime's own shutdown hook released the environment under the load and the child aborted (exit code
     * 134) once the first load had begun; with it each exits as asked.
     */
    @Test
    void aJvmExitingWhileAModelLoadsAndRunsExitsNormally() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int delayMillis : List.of(1_100, 1_600, 2_100)) {
            Process child = new ProcessBuilder(java, "-Xss16m", "-cp", System.getProperty("java.class.path"),
                    ExitWhileModelsLoad.class.getName(), Integer.toString(delayMillis))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
            assertThat(child.exitValue()).as("exit code after %d ms", delayMillis).isEqualTo(0);
        }
    }

    /** Loads, runs and closes the model in a loop on a daemon thread; exits the JVM after the given milliseconds. */
    static final class ExitWhileModelsLoad {

        public static void main(String[] args) throws InterruptedException {
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try (OnnxSentenceEmbedder embedder = OnnxSentenceEmbedder.allMiniLmL6V2()) {
                        embedder.embed(List.of("welder, TIG and MIG", "infirmière de bloc opératoire"));
                    }
                }
            });
            Thread.sleep(Long.parseLong(args[0]));
            System.exit(0);
        }
    }
}

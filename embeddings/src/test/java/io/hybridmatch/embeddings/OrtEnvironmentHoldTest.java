package io.hybridmatch.embeddings;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OrtEnvironmentHoldTest {

    @TempDir
    Path modelDirectory;

    /**
     * The worker's case: the model loading (and embedding) on a daemon thread while the JVM exits. Without the hold
     * ONNX Runtime's own shutdown hook released the environment under the load and the child aborted (exit code
     * 134); with it each exits as asked.
     */
    @Test
    void aJvmExitingWhileAModelLoadsAndRunsExitsNormally() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int delayMillis : List.of(200, 700)) {
            ProcessBuilder builder = new ProcessBuilder(java, "-Xss16m", ExitWhileModelsLoad.class.getName(),
                    Integer.toString(delayMillis), modelDirectory.toString())
                    .directory(modelDirectory.toFile()) // where a crash leaves its hs_err file
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            // not -cp: ONNX Runtime crashes under a command line past about 4 KB (README.md, "Known limits")
            builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
            Process child = builder.start();
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child exited").isTrue();
            assertThat(child.exitValue()).as("exit code after %d ms", delayMillis).isEqualTo(0);
        }
    }

    /**
     * Embeds with a loaded model on one thread and loads, runs and closes models on a daemon thread; exits the JVM
     * the given milliseconds (first argument) after the first model is ready, with a shutdown hook that does what
     * Spring's closing of a worker's context does: stops the tasks, lets them finish, then closes the model (the
     * loads go on).
     */
    static final class ExitWhileModelsLoad {

        public static void main(String[] args) throws IOException, InterruptedException {
            OnnxSentenceEmbedder ready = OnnxSentenceEmbedder.allMiniLmL6V2();
            // from files (in the directory of the second argument), as a deployment mounts them: a load is then
            // native code from start to end
            Path directory = Path.of(args[1]);
            SentenceModelOptions fromFiles = SentenceModelOptions.allMiniLmL6V2().withModel("minilm-from-files",
                    copy("all-minilm-l6-v2.onnx", directory), copy("all-minilm-l6-v2-tokenizer.json", directory));
            AtomicBoolean stopping = new AtomicBoolean();
            Thread tasks = Thread.ofPlatform().start(() -> {
                while (!stopping.get()) {
                    ready.embed(List.of("welder, TIG and MIG", "infirmière de bloc opératoire"));
                }
            });
            Thread.ofPlatform().daemon().start(() -> {
                while (true) {
                    try (OnnxSentenceEmbedder embedder = new OnnxSentenceEmbedder(fromFiles)) {
                        embedder.embed(List.of("chef de chantier"));
                    }
                }
            });
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
                stopping.set(true);
                try {
                    tasks.join();
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ready.close();
            }));
            Thread.sleep(Long.parseLong(args[0]));
            System.exit(0);
        }

        private static ResourceLocation copy(String resource, Path directory) throws IOException {
            Path target = directory.resolve(resource);
            try (InputStream in = new ResourceLocation.Classpath(resource).open()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return ResourceLocation.parse(target.toString());
        }
    }
}

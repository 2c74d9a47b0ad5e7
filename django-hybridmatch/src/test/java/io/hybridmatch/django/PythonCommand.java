package io.hybridmatch.django;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Python command of the package's tests, run to its end within a time limit; its output goes to the build log. */
record PythonCommand(Path directory, List<String> command, Map<String, String> environment, Duration timeout) {

    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path PYTHON = Path.of("/usr/bin/python3");

    /** Runs it; fails the test, with the output, unless it exits with 0. Returns the output. */
    String succeeds() throws IOException, InterruptedException {
        Path log = Files.createTempFile("python", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        System.out.println(output);
        assertThat(finished).as("%s finished within %s", command, timeout).isTrue();
        assertThat(process.exitValue()).as("%s exit code; output:%n%s", command, output).isZero();
        return output;
    }
}

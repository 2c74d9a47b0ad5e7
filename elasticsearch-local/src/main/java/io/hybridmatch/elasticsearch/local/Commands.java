package io.hybridmatch.elasticsearch.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs short system commands (id, useradd, chown) and reports their output when they fail. */
final class Commands {

    private Commands() {
    }

    static void run(List<String> command) throws IOException {
        run(command, "command failed: " + String.join(" ", command));
    }

    static void run(List<String> command, String failureMessage) throws IOException {
        Result result = execute(command);
        if (result.exitCode != 0) {
            throw new IOException(failureMessage + " (exit " + result.exitCode + "): " + result.output.strip());
        }
    }

    static boolean succeeds(List<String> command) throws IOException {
        return execute(command).exitCode == 0;
    }

    private static Result execute(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            return new Result(process.waitFor(), output);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command, e);
        }
    }

    private record Result(int exitCode, String output) {
    }
}

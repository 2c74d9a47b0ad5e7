package io.hybridmatch.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs src/test/python/interop_client.py with Debian's Python (celery 5.2) and returns its JSON answer. */
final class PythonCelery {

    private static final Path SCRIPTS = Path.of("src/test/python").toAbsolutePath();
    private static final String PYTHON = "/usr/bin/python3";

    private PythonCelery() {
    }

    static JsonNode run(String scenario, String backend, String queue) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(PYTHON, SCRIPTS.resolve("interop_client.py").toString(), scenario)
                .directory(SCRIPTS.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(Map.of("BACKEND", backend, "QUEUE", queue, "PYTHONPATH", SCRIPTS.toString()));
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("python " + scenario + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        return JsonMapper.builder().build().readTree(lines.getLast());
    }
}

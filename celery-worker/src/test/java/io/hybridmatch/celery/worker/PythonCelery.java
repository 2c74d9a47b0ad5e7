package io.hybridmatch.celery.worker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Runs the scripts of src/test/python with Debian's Python (celery 5.2, django 3.2) and returns their JSON answer. */
public final class PythonCelery {

    private static final Path SCRIPTS = Path.of("src/test/python").toAbsolutePath();
    /** The runtime's Celery app ({@code interop_app}), importable from other modules' scripts too. */
    private static final Path RUNTIME_SCRIPTS = Path.of("../celery-worker/src/test/python").toAbsolutePath().normalize();
    /** The contracts' Python helper package, importable as the Django side imports it. */
    private static final Path CLIENT = Path.of("../django-hybridmatch").toAbsolutePath().normalize();
    private static final String PYTHON = "/usr/bin/python3";

    private PythonCelery() {
    }

    public static JsonNode run(String scenario, String backend, String queue) throws IOException, InterruptedException {
        return script("interop_client.py", List.of(scenario), backend, queue);
    }

    /** {@code celery -A interop_app <args>} (Debian's command line), run to its end: its standard output. */
    public static String cli(List<String> args, String backend, String queue) throws IOException, InterruptedException {
        Process process = startCli(Duration.ofSeconds(90), args, backend, queue);
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("celery " + args + " did not end: " + out);
        }
        return out;
    }

    /** Starts {@code celery -A interop_app <args>}, e.g. {@code events --dump}, ended after {@code limit} at most. */
    public static Process startCli(Duration limit, List<String> args, String backend, String queue) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("timeout", Long.toString(limit.toSeconds()), PYTHON,
                "-m", "celery", "-A", "interop_app"));
        command.addAll(args);
        return start(command, Map.of("BACKEND", backend, "QUEUE", queue)).redirectErrorStream(true).start();
    }

    /** Runs one of the Python scripts with arguments; its last output line is the JSON answer. */
    public static JsonNode script(String script, List<String> args, String backend, String queue)
            throws IOException, InterruptedException {
        return script(script, args, Map.of("BACKEND", backend, "QUEUE", queue));
    }

    /** Runs a script with these environment variables (besides PYTHONPATH); its last output line is the answer. */
    public static JsonNode script(String script, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(PYTHON, SCRIPTS.resolve(script).toString()));
        command.addAll(args);
        Process process = start(command, env).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("python " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
        }
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().toList();
        return JsonMapper.builder().build().readTree(lines.getLast());
    }

    /** A real Python Celery worker of a module of src/test/python: the oracle the Java worker is compared with. */
    public static Process worker(String module, String queue, Map<String, String> env) throws IOException {
        return start(List.of(PYTHON, "-m", "celery", "-A", module, "worker", "-Q", queue, "-c", "1",
                "-n", "py-" + queue + "@test", "--without-mingle", "--without-gossip", "--loglevel", "WARNING"), env)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private static ProcessBuilder start(List<String> command, Map<String, String> env) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPTS.toFile());
        builder.environment().putAll(env);
        builder.environment().put("PYTHONPATH", SCRIPTS + ":" + RUNTIME_SCRIPTS + ":" + CLIENT);
        return builder;
    }
}

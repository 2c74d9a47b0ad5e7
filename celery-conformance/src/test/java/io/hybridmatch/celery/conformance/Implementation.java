package io.hybridmatch.celery.conformance;

import io.hybridmatch.celery.conformance.worker.ConformanceWorkerApplication;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A worker implementation the scenarios run against, started as its own process. */
enum Implementation {

    /** Debian's Celery 5.2.6, prefork pool: the oracle. */
    PYTHON("py") {
        @Override
        List<String> command(String queue, String hostname, String backend) {
            return List.of(ConformanceRun.PYTHON, "-m", "celery", "-A", "conformance.tasks", "worker", "-Q", queue,
                    "-c", "2", "-n", hostname, "-l", "INFO");
        }
    },

    /** celery-worker with the conformance tasks (ConformanceWorkerApplication), on this test's class path. */
    JAVA("java") {
        @Override
        List<String> command(String queue, String hostname, String backend) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    ConformanceWorkerApplication.class.getName(),
                    "--spring.rabbitmq.virtual-host=" + ConformanceRun.VHOST,
                    "--hybridmatch.worker.queue=" + queue,
                    "--hybridmatch.worker.hostname=" + hostname,
                    "--hybridmatch.worker.result-backend=" + backend));
            // Celery's task_routes and task_default_queue of the Python app (conformance/settings.py), for the
            // callbacks of tasks the worker does not know
            command.add("--hybridmatch.worker.task-routes[pyonly.routed.*]=" + queue + ".routed");
            command.add("--hybridmatch.worker.default-queue=celery");
            return command;
        }
    };

    final String label;

    Implementation(String label) {
        this.label = label;
    }

    abstract List<String> command(String queue, String hostname, String backend);
}

package io.hybridmatch.celery.worker;

import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A fresh queue per test class, and the worker properties that point a test worker at it. */
public final class WorkerTestProperties {

    private WorkerTestProperties() {
    }

    public static String newQueue() {
        return "interop-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static void register(DynamicPropertyRegistry registry, String queue, String backend) {
        registry.add("hybridmatch.worker.queue", () -> queue);
        registry.add("hybridmatch.worker.result-backend", () -> backend);
        registry.add("hybridmatch.worker.hostname", () -> "java-" + queue + "@test");
    }
}

package io.hybridmatch.celery.conformance.worker;

import io.hybridmatch.celery.worker.boot.EarlyMingle;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Java worker under test, run as its own process by ConformanceIT (so shutdown and terminate are real):
 * celery-worker's auto-configuration plus the conformance tasks; settings from conformance-worker.yml and the
 * command line ({@code --hybridmatch.worker.queue=...}).
 */
@SpringBootApplication
public class ConformanceWorkerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(ConformanceWorkerApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "conformance-worker"));
        application.addListeners(new EarlyMingle()); // as the indexing worker starts
        application.run(args);
    }
}

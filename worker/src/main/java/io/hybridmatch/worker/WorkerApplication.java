package io.hybridmatch.worker;

import io.hybridmatch.celery.worker.boot.EarlyMingle;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkerApplication {

    /** The worker reads {@code worker.yml}, so it can share a class path with the engine's {@code application.yml}. */
    public static final String CONFIG_NAME = "spring.config.name=worker";

    public static void main(String[] args) {
        new SpringApplicationBuilder(WorkerApplication.class).properties(CONFIG_NAME).listeners(new EarlyMingle()).run(args);
    }
}

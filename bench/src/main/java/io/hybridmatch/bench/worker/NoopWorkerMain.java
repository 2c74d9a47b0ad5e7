package io.hybridmatch.bench.worker;

import io.hybridmatch.celery.worker.CeleryTaskHandler;
import io.hybridmatch.celery.worker.TaskParameters;
import io.hybridmatch.worker.WorkerApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

/**
 * The Java worker with one task, {@code bench.noop(i)}, for bench/worker/run: measures the worker, not a task. The
 * worker's beans but its indexing tasks (which refuse to start without Elasticsearch), its configuration file.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackageClasses = WorkerApplication.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "io\\.hybridmatch\\.worker\\.(WorkerApplication|config\\.IndexingConfiguration)"))
public class NoopWorkerMain {

    @Configuration(proxyBeanMethods = false)
    static class NoopTask {
        @Bean
        CeleryTaskHandler noop() {
            return CeleryTaskHandler.of("bench.noop", TaskParameters.required("i"), null, call -> call.argument("i"));
        }
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(NoopWorkerMain.class, NoopTask.class)
                .properties(WorkerApplication.CONFIG_NAME).run(args);
    }
}

package io.hybridmatch.bench.worker;

import io.hybridmatch.worker.WorkerApplication;
import io.hybridmatch.celery.worker.CeleryTaskHandler;
import io.hybridmatch.celery.worker.TaskParameters;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Java worker with one task, {@code bench.noop(i)}, for bench/worker/run: measures the worker, not a task. */
public final class NoopWorkerMain {

    private NoopWorkerMain() {
    }

    @Configuration(proxyBeanMethods = false)
    static class NoopTask {
        @Bean
        CeleryTaskHandler noop() {
            return CeleryTaskHandler.of("bench.noop", TaskParameters.required("i"), null, call -> call.argument("i"));
        }
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(WorkerApplication.class, NoopTask.class)
                .properties(WorkerApplication.CONFIG_NAME).run(args);
    }
}

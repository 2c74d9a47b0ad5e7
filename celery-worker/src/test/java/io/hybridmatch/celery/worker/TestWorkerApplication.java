package io.hybridmatch.celery.worker;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare application for the runtime's tests: the worker comes from the auto-configuration, tasks from TestTasks. */
@SpringBootApplication
public class TestWorkerApplication {
}

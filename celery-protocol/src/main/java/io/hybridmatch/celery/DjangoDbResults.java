package io.hybridmatch.celery;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The {@code django-db} result backend of django-celery-results 2.4 ({@code backends/database.py}
 * {@code _store_result}, {@code managers.py} {@code store_result}): one row per task in
 * {@code django_celery_results_taskresult}, {@code result} and {@code meta} as JSON text with their content type, so
 * that Django's {@code AsyncResult}, the admin and the ORM read what a Python worker would have written.
 */
public final class DjangoDbResults {

    public static final String TABLE = "django_celery_results_taskresult";

    /**
     * The columns a Python worker sets. {@code meta} carries {@code children}; the extended columns
     * ({@code task_name}, {@code task_args}, {@code task_kwargs}, {@code worker}) and even {@code traceback} are
     * null unless Celery's {@code result_extended} is on: {@code _get_extended_properties} overwrites the traceback
     * with None otherwise.
     */
    public record Row(String taskId, String status, String contentType, String contentEncoding, String result,
                      String traceback, String meta, String taskName, String taskArgs, String taskKwargs,
                      String worker) {
    }

    private DjangoDbResults() {
    }

    public static Row row(TaskResult result) {
        return new Row(result.taskId(), result.status(), "application/json", "utf-8", json(result.resultJson()),
                null, json(Map.of("children", result.children())), null, null, null, null);
    }

    private static String json(Object value) {
        return new String(CeleryJson.write(value), StandardCharsets.UTF_8);
    }
}

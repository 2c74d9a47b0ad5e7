package io.hybridmatch.celery.worker;

import com.zaxxer.hikari.HikariDataSource;
import io.hybridmatch.celery.DjangoDbResults;
import io.hybridmatch.celery.TaskMessage;
import io.hybridmatch.celery.TaskResult;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code django-db} (django-celery-results): the task's row in Django's own database, written as the Python
 * backend's {@code get_or_create} + {@code save} leave it — {@code date_created} kept from the first write,
 * {@code date_done} set on every write ({@code auto_now}). One upsert statement instead of Django's two, so that
 * competing workers cannot race on the unique {@code task_id}. PostgreSQL (and SQLite ≥ 3.24) syntax.
 */
public final class DjangoDbResultBackend implements ResultBackend {

    private static final String UPSERT = "INSERT INTO " + DjangoDbResults.TABLE + " (task_id, status, content_type,"
            + " content_encoding, result, traceback, meta, periodic_task_name, task_name, task_args, task_kwargs,"
            + " worker, date_created, date_done) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (task_id) DO UPDATE SET status = EXCLUDED.status, content_type = EXCLUDED.content_type,"
            + " content_encoding = EXCLUDED.content_encoding, result = EXCLUDED.result,"
            + " traceback = EXCLUDED.traceback, meta = EXCLUDED.meta, periodic_task_name = NULL,"
            + " task_name = EXCLUDED.task_name, task_args = EXCLUDED.task_args, task_kwargs = EXCLUDED.task_kwargs,"
            + " worker = EXCLUDED.worker, date_done = EXCLUDED.date_done";

    private final HikariDataSource pool;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** Takes ownership of {@code pool}: closed with the backend. */
    public DjangoDbResultBackend(HikariDataSource pool, Clock clock) {
        this.pool = pool;
        this.jdbc = new JdbcTemplate(pool);
        this.clock = clock;
    }

    @Override
    public void store(TaskMessage request, TaskResult result) {
        DjangoDbResults.Row row = DjangoDbResults.row(result);
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        jdbc.update(UPSERT, row.taskId(), row.status(), row.contentType(), row.contentEncoding(), row.result(),
                row.traceback(), row.meta(), row.taskName(), row.taskArgs(), row.taskKwargs(), row.worker(), now, now);
    }

    @Override
    public void close() {
        pool.close();
    }
}

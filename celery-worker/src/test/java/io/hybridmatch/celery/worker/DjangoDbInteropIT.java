package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * {@code django-db} results (Debian's django-celery-results 2.4, on the PostgreSQL of this machine): the same two
 * tasks run by a real Python Celery worker and by the Java worker leave the same rows in Django's table, and a
 * Django client's {@code AsyncResult.get()} sees the same value and the same exception.
 */
class DjangoDbInteropIT {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/postgres";
    private static final String DATABASE = "hm_results_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void createDjangoDatabase() throws Exception {
        sql("CREATE DATABASE " + DATABASE);
        PythonCelery.script("django_db_results.py", List.of("migrate"), Map.of("DATABASE", DATABASE, "QUEUE", "-"));
    }

    @AfterAll
    static void dropDjangoDatabase() throws SQLException {
        sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
    }

    @Test
    void theJavaWorkerLeavesTheRowsAPythonWorkerLeaves() throws Exception {
        JsonNode python = withPythonWorker();
        JsonNode java = withJavaWorker();

        assertThat(python.at("/add/value").asLong()).isEqualTo(5);
        assertThat(python.at("/fail/type").asString()).isEqualTo("ValueError");
        assertThat(java.get("add")).isEqualTo(python.get("add"));
        assertThat(java.get("fail")).isEqualTo(python.get("fail"));
        assertThat(java.at("/rows/add")).isEqualTo(python.at("/rows/add"));
        assertThat(java.at("/rows/fail")).isEqualTo(python.at("/rows/fail"));
        assertThat(java.at("/rows/fail/result").asString())
                .isEqualTo("{\"exc_type\": \"ValueError\", \"exc_message\": [\"bad profile\"], \"exc_module\": \"builtins\"}");
    }

    private static JsonNode withPythonWorker() throws Exception {
        String queue = WorkerTestProperties.newQueue();
        Map<String, String> env = Map.of("DATABASE", DATABASE, "QUEUE", queue);
        Process worker = PythonCelery.worker("django_db_results", queue, env);
        try {
            return PythonCelery.script("django_db_results.py", List.of("client"), env);
        } finally {
            worker.destroy();
            if (!worker.waitFor(20, TimeUnit.SECONDS)) {
                worker.destroyForcibly();
            }
        }
    }

    private static JsonNode withJavaWorker() throws Exception {
        String queue = WorkerTestProperties.newQueue();
        try (ConfigurableApplicationContext ignored = new SpringApplicationBuilder(TestWorkerApplication.class,
                TestTasks.class).run("--hybridmatch.worker.queue=" + queue,
                "--hybridmatch.worker.hostname=java-" + queue + "@test",
                "--hybridmatch.worker.result-backend=django-db",
                "--hybridmatch.worker.django-db.url=jdbc:postgresql://127.0.0.1:5432/" + DATABASE,
                "--hybridmatch.worker.django-db.username=postgres")) {
            return PythonCelery.script("django_db_results.py", List.of("client"),
                    Map.of("DATABASE", DATABASE, "QUEUE", queue));
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = DriverManager.getConnection(POSTGRES, "postgres", ""); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }
}

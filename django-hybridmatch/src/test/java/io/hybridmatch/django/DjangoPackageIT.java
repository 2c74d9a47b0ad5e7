package io.hybridmatch.django;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The package's unit tests ({@code unit_tests/}: signals, transactions, bulk helpers, registry, settings,
 * hybridmatch_reindex) with Debian's Django 3.2 and Celery 5.2 publishing to the real RabbitMQ, on SQLite and on
 * PostgreSQL; and the package installed with pip from its pyproject.toml.
 */
class DjangoPackageIT {

    private static PythonCommand unitTests(String database) {
        return new PythonCommand(PythonCommand.MODULE,
                List.of(PythonCommand.PYTHON.toString(), "-m", "django", "test", "unit_tests", "-v", "2"),
                Map.of("PYTHONPATH", ".:example", "DJANGO_SETTINGS_MODULE", "example_site.settings",
                        "EXAMPLE_DATABASE", database,
                        "EXAMPLE_DATABASE_NAME", "hm_unit_" + UUID.randomUUID().toString().substring(0, 8)),
                Duration.ofMinutes(5));
    }

    @Test
    void unitTestsPassOnSqlite() throws Exception {
        assertThat(unitTests("sqlite").succeeds()).contains("OK");
    }

    @Test
    void unitTestsPassOnPostgresql() throws Exception {
        assertThat(unitTests("postgresql").succeeds()).contains("Creating test database").contains("OK");
    }

    @Test
    void pipInstallsThePackageWithItsTwoModulesAndDependsOnDjangoAndCeleryOnly() throws Exception {
        String python = InstalledPackage.python().toString();
        String show = new PythonCommand(PythonCommand.MODULE.resolve("target"),
                List.of(python, "-m", "pip", "show", "-f", "django-hybridmatch"), Map.of(), Duration.ofMinutes(1)).succeeds();
        assertThat(show).contains("Requires: celery, Django")
                .contains("hybridmatch_django/management/commands/hybridmatch_check.py")
                .contains("hybridmatch_client/engine.py")
                .doesNotContain("example/").doesNotContain("unit_tests");
        String imported = new PythonCommand(PythonCommand.MODULE.resolve("target"),
                List.of(python, "-c", "import hybridmatch_django; print(hybridmatch_django.__file__)"), Map.of(),
                Duration.ofMinutes(1)).succeeds();
        assertThat(imported.strip()).startsWith(InstalledPackage.VENV.toString());
    }
}

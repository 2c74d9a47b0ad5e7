package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Python client the Django side imports (django-hybridmatch/hybridmatch_client), against this running engine. */
class PythonClientIT extends EngineIT {

    @Test
    void thePythonClientsOwnTestsPass() throws Exception {
        Path test = Path.of("../django-hybridmatch/tests/test_engine_client.py").toAbsolutePath().normalize();
        ProcessBuilder command = new ProcessBuilder("/usr/bin/python3", test.toString(), "http://127.0.0.1:" + port)
                .redirectErrorStream(true);
        command.environment().put("HYBRIDMATCH_API_KEY", TestKeys.ADMIN.key());
        command.environment().put("TENANT_API_KEY", TestKeys.ACME.key());
        Process python = command.start();
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(python.exitValue()).as(output).isZero();
        assertThat(output).contains("Ran 3 tests").contains("OK");
    }
}

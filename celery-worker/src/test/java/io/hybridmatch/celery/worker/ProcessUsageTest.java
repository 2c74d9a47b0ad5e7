package io.hybridmatch.celery.worker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class ProcessUsageTest {

    /** Python's resource.getrusage(RUSAGE_SELF) fields, in its order, as Celery's inspect stats sends them. */
    private static final String[] GETRUSAGE_FIELDS = {"utime", "stime", "maxrss", "ixrss", "idrss", "isrss", "minflt",
            "majflt", "nswap", "inblock", "oublock", "msgsnd", "msgrcv", "nsignals", "nvcsw", "nivcsw"};

    @Test
    void readsGetrusagesFieldsFromProc(@TempDir Path proc) throws IOException {
        // a command name with a space and a parenthesis, as a thread may be named
        Files.writeString(proc.resolve("stat"), "4242 (java (main) x) S 1 4242 4242 0 -1 4194560 1500 0 7 0 250 "
                + "125 0 0 20 0 31 0 100 5000000 20000 18446744073709551615\n");
        Files.writeString(proc.resolve("status"), """
                Name:	java
                VmHWM:	  204800 kB
                VmRSS:	  102400 kB
                voluntary_ctxt_switches:	3
                nonvoluntary_ctxt_switches:	1
                """);
        Files.writeString(proc.resolve("io"), "rchar: 100\nread_bytes: 4096\nwrite_bytes: 1024\n");
        for (String thread : new String[] {"4242", "4243"}) {
            Path dir = Files.createDirectories(proc.resolve("task").resolve(thread));
            Files.writeString(dir.resolve("status"), "voluntary_ctxt_switches:\t10\nnonvoluntary_ctxt_switches:\t2\n");
        }

        Object rusage = new ProcessUsage(proc).rusage();

        assertThat(rusage).isInstanceOf(Map.class);
        Map<?, ?> usage = (Map<?, ?>) rusage;
        assertThat(List.copyOf(usage.keySet())).isEqualTo(List.of(GETRUSAGE_FIELDS));
        assertThat(usage.get("utime")).isEqualTo(2.5);
        assertThat(usage.get("stime")).isEqualTo(1.25);
        assertThat(usage.get("maxrss")).isEqualTo(204800L);
        assertThat(usage.get("minflt")).isEqualTo(1500L);
        assertThat(usage.get("majflt")).isEqualTo(7L);
        assertThat(usage.get("inblock")).isEqualTo(8L);
        assertThat(usage.get("oublock")).isEqualTo(2L);
        assertThat(usage.get("nvcsw")).isEqualTo(20L);
        assertThat(usage.get("nivcsw")).isEqualTo(4L);
    }

    @Test
    void withoutProcItIsNotAvailableAsCeleryReportsIt(@TempDir Path empty) {
        assertThat(new ProcessUsage(empty).rusage()).isEqualTo("N/A");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void thisProcessHasUsedCpuAndMemory() {
        Map<?, ?> usage = (Map<?, ?>) ProcessUsage.self().rusage();
        assertThat((Double) usage.get("utime") + (Double) usage.get("stime")).isPositive();
        assertThat((Long) usage.get("maxrss")).isGreaterThan(10_000L); // kB: a JVM holds more than 10 MB
        assertThat((Long) usage.get("minflt")).isPositive();
    }
}

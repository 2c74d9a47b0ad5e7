package io.hybridmatch.celery.worker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The worker process's resource usage as {@code inspect stats} reports it under {@code rusage}: the fields of
 * Python's {@code resource.getrusage(RUSAGE_SELF)}, read from Linux's {@code /proc/self} (the JVM has no getrusage).
 * Where there is no {@code /proc} it is "N/A", as Celery says where rusage is unavailable. Written here because no
 * library gives getrusage's fields: OSHI, say, has faults and times but not voluntary and involuntary context
 * switches apart, and would bring JNA into the worker for one inspect reply.
 */
final class ProcessUsage {

    /** Linux reports /proc times in USER_HZ, 100 on every architecture it runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final int BLOCK_BYTES = 512;

    private final Path proc;

    ProcessUsage(Path proc) {
        this.proc = proc;
    }

    static ProcessUsage self() {
        return new ProcessUsage(Path.of("/proc/self"));
    }

    /** The rusage map (Python's field names, without the {@code ru_} prefix), or "N/A". */
    Object rusage() {
        try {
            return read();
        } catch (IOException | RuntimeException e) { // a /proc unlike Linux's
            return "N/A";
        }
    }

    private Map<String, Object> read() throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        // fields after the command name, which may hold spaces and parentheses: field 3 (state) first
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
        Map<String, Long> io = keyed(proc.resolve("io"), false);
        long voluntary = 0;
        long involuntary = 0;
        try (Stream<Path> threads = Files.list(proc.resolve("task"))) {
            for (Path thread : threads.toList()) { // getrusage sums every thread; status is per thread
                Map<String, Long> status = keyed(thread.resolve("status"), false);
                voluntary += status.getOrDefault("voluntary_ctxt_switches", 0L);
                involuntary += status.getOrDefault("nonvoluntary_ctxt_switches", 0L);
            }
        }
        Map<String, Long> status = keyed(proc.resolve("status"), true);
        Map<String, Object> usage = new LinkedHashMap<>();
        usage.put("utime", Long.parseLong(f[14 - 3]) / TICKS_PER_SECOND);
        usage.put("stime", Long.parseLong(f[15 - 3]) / TICKS_PER_SECOND);
        usage.put("maxrss", status.getOrDefault("VmHWM", 0L)); // kB, as getrusage on Linux
        for (String unmaintained : List.of("ixrss", "idrss", "isrss")) {
            usage.put(unmaintained, 0L);
        }
        usage.put("minflt", Long.parseLong(f[10 - 3]));
        usage.put("majflt", Long.parseLong(f[12 - 3]));
        usage.put("nswap", 0L);
        usage.put("inblock", io.getOrDefault("read_bytes", 0L) / BLOCK_BYTES);
        usage.put("oublock", io.getOrDefault("write_bytes", 0L) / BLOCK_BYTES);
        usage.put("msgsnd", 0L);
        usage.put("msgrcv", 0L);
        usage.put("nsignals", 0L);
        usage.put("nvcsw", voluntary);
        usage.put("nivcsw", involuntary);
        return usage;
    }

    /**
     * "key: value [kB]" lines with a number for value; {@code required} false: a file the process may not read (io,
     * a thread that just ended) counts as empty.
     */
    private static Map<String, Long> keyed(Path file, boolean required) throws IOException {
        Map<String, Long> values = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            if (required) {
                throw e;
            }
            return values;
        }
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                String[] value = line.substring(colon + 1).trim().split("\\s+");
                if (value.length > 0 && value[0].chars().allMatch(Character::isDigit) && !value[0].isEmpty()) {
                    values.put(line.substring(0, colon), Long.parseLong(value[0]));
                }
            }
        }
        return values;
    }
}

package io.hybridmatch.worker.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * What one fault did to the tasks pushed through it: acknowledged = final SUCCESS results; lost = ids missing from
 * Elasticsearch or the vectors; duplicated = successful task runs beyond one per task (redeliveries: harmless, the
 * writes are versioned); stale = ids left at an older version than the newest pushed; answeredStale = older updates
 * the worker refused as {@code stale} (the ordering guard at work).
 */
record FaultFigures(String fault, long pushed, long acknowledged, List<Long> lost, long duplicated, List<Long> stale,
                    long answeredStale) {

    /** Printed, and appended to {@code target/fault-figures.md} as a row of the README's table. */
    FaultFigures report() throws IOException {
        String row = "| " + fault + (answeredStale > 0 ? " (" + answeredStale + " late older updates answered `stale`)" : "")
                + " | " + pushed + " | " + acknowledged + " | " + lost.size() + " | " + duplicated + " | " + stale.size() + " |";
        System.out.println("FAULT FIGURES " + row + (lost.isEmpty() ? "" : " lost ids: " + lost)
                + (stale.isEmpty() ? "" : " stale ids: " + stale));
        Files.writeString(Path.of("target", "fault-figures.md"), row + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        return this;
    }
}

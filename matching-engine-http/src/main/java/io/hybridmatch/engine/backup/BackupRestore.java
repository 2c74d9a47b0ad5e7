package io.hybridmatch.engine.backup;

import io.hybridmatch.vector.faiss.FaissVectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup while the engine starts, before the vector stores open and the indexes are served: the vector
 * copies become {@code <data-dir>/vectors/<index>} (a store already there is moved aside to
 * {@code <data-dir>/vectors-before-restore-<time>}), and the snapshotted indexes replace the current ones in
 * Elasticsearch (which are first snapshotted as {@code before-restore-<time>}).
 */
final class BackupRestore {

    private static final Logger log = LoggerFactory.getLogger(BackupRestore.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private BackupRestore() {
    }

    static BackupManifest restore(Path backup, Path vectorsDir, ElasticsearchSnapshots snapshots, Clock clock) {
        Path manifestFile = backup.resolve(Backups.MANIFEST);
        if (!Files.isRegularFile(manifestFile)) {
            throw new IllegalStateException("no finished backup in " + backup + " (" + Backups.MANIFEST + " is missing)");
        }
        BackupManifest manifest = Backups.readManifest(manifestFile);
        String stamp = STAMP.format(clock.instant());
        try {
            for (BackupManifest.Vectors part : manifest.vectors()) {
                Path target = vectorsDir.resolve(part.index());
                if (holdsFiles(target)) {
                    Path aside = vectorsDir.resolveSibling("vectors-before-restore-" + stamp).resolve(part.index());
                    Files.createDirectories(aside.getParent());
                    Files.move(target, aside);
                    log.info("restore: the current {} vectors moved to {}", part.index(), aside);
                }
                FaissVectorStore.restore(backup.resolve(part.directory()), target);
            }
            snapshots.restore(manifest.elasticsearch().snapshot(), List.copyOf(manifest.elasticsearch().documents().keySet()),
                    "before-restore-" + stamp);
        } catch (IOException e) {
            throw new UncheckedIOException("restore of backup " + backup + " failed", e);
        }
        log.info("restored backup '{}' of {}: {} vectors, documents {}", manifest.name(), manifest.createdAt(),
                manifest.vectors().stream().mapToLong(BackupManifest.Vectors::vectors).sum(),
                manifest.elasticsearch().documents());
        return manifest;
    }

    private static boolean holdsFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.anyMatch(file -> !file.getFileName().toString().equals("LOCK"));
        }
    }
}

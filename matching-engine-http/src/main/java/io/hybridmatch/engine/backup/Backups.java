package io.hybridmatch.engine.backup;

import io.hybridmatch.engine.erasure.Erasure;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreBackup;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backups of both stores while the engine runs: deleted data is purged first (a backup holds nothing deleted before
 * it started), then each FAISS store is copied under its write lock (writes wait, searches go on) and the indexes
 * are snapshotted into the Elasticsearch repository (vectors kept in Elasticsearch are among them, not copied). The two stores are copied one after the other, not at one
 * instant: a write landing in between leaves a difference that {@code bin/repair} settles after a restore.
 */
public final class Backups {

    static final String MANIFEST = "backup.json";
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final DateTimeFormatter DEFAULT_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private final VectorStoreRegistry vectors;
    private final ElasticsearchSnapshots snapshots;
    private final List<String> elasticsearchIndices;
    private final Erasure erasure;
    private final Path dir;
    private final String repository;
    private final Clock clock;

    Backups(VectorStoreRegistry vectors, ElasticsearchSnapshots snapshots, List<String> elasticsearchIndices,
            Erasure erasure, Path dir, String repository, Clock clock) {
        this.vectors = vectors;
        this.snapshots = snapshots;
        this.elasticsearchIndices = elasticsearchIndices;
        this.erasure = erasure;
        this.dir = dir;
        this.repository = repository;
        this.clock = clock;
    }

    /** Takes a backup named {@code name} (a UTC timestamp when null). */
    public synchronized BackupManifest create(String name) {
        Instant now = clock.instant();
        String backupName = name == null ? DEFAULT_NAME.format(now) : name;
        if (!NAME.matcher(backupName).matches()) {
            throw new IllegalArgumentException("a backup name must match " + NAME + ": " + backupName);
        }
        Path target = dir.resolve(backupName);
        if (Files.exists(target)) {
            throw new IllegalArgumentException("backup '" + backupName + "' already exists in " + dir);
        }
        long start = System.nanoTime();
        try {
            erasure.purgeAll();
            List<BackupManifest.Vectors> vectorParts = new ArrayList<>();
            for (String index : vectors.names().stream().sorted().toList()) {
                long copyStart = System.nanoTime();
                VectorStore store = vectors.find(index).orElseThrow();
                VectorStoreBackup copy = store.backupTo(target.resolve("vectors").resolve(index));
                vectorParts.add(new BackupManifest.Vectors(index, "vectors/" + index, copy.vectors(), copy.bytes(),
                        millisSince(copyStart)));
            }
            long snapshotStart = System.nanoTime();
            Map<String, Long> documents = snapshots.snapshot(backupName, elasticsearchIndices);
            BackupManifest manifest = new BackupManifest(backupName, now.toString(),
                    new BackupManifest.Elasticsearch(repository, backupName, documents, millisSince(snapshotStart)),
                    vectorParts, millisSince(start));
            Files.createDirectories(target); // no vector copy made it when the vectors are in the snapshot
            JSON.writeValue(target.resolve(MANIFEST).toFile(), manifest);
            return manifest;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(target);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("backup '" + backupName + "' failed", io);
            }
            throw (RuntimeException) e;
        }
    }

    /** Finished backups, oldest first. */
    public List<BackupManifest> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.map(entry -> entry.resolve(MANIFEST)).filter(Files::isRegularFile)
                    .map(Backups::readManifest).sorted(Comparator.comparing(BackupManifest::createdAt)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static BackupManifest readManifest(Path file) {
        return JSON.readValue(file.toFile(), BackupManifest.class);
    }

    private static void deleteQuietly(Path target) {
        try {
            FileSystemUtils.deleteRecursively(target);
        } catch (IOException ignored) {
            // the failure being reported matters more; an unfinished backup has no manifest and is never listed
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}

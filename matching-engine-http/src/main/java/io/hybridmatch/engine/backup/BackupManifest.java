package io.hybridmatch.engine.backup;

import java.util.List;
import java.util.Map;

/**
 * What one backup holds, written last as {@code <backup-dir>/<name>/backup.json} (a directory without it is an
 * unfinished backup): the Elasticsearch snapshot and the copy of each vector store.
 */
public record BackupManifest(String name, String createdAt, Elasticsearch elasticsearch, List<Vectors> vectors,
                             long tookMs) {

    /** @param documents live documents per index at the snapshot */
    public record Elasticsearch(String repository, String snapshot, Map<String, Long> documents, long tookMs) {
    }

    /** @param directory relative to the backup's directory */
    public record Vectors(String index, String directory, long vectors, long bytes, long tookMs) {
    }
}

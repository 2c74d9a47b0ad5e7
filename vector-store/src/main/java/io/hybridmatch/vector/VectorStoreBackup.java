package io.hybridmatch.vector;

import java.nio.file.Path;

/** What {@link VectorStore#backupTo} wrote: the store's live vectors at that moment, in {@code bytes} of files. */
public record VectorStoreBackup(String name, Path directory, long vectors, long bytes) {
}

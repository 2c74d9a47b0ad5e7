package io.hybridmatch.vector.faiss;

/**
 * @param indexFactory   the FAISS index type in use ("Flat" while an IVF index waits for enough training vectors)
 * @param tombstones     replaced or deleted vectors still inside FAISS, excluded from searches until compaction
 * @param unsnapshotted  writes only in the write-ahead log (replayed on the next open)
 */
public record FaissStoreStats(String name, String indexFactory, long live, long tombstones, long unsnapshotted) {
}

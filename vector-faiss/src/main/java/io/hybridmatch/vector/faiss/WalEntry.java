package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.VectorRecord;

import java.util.List;

/** One logged write: replayed on open over the last snapshot. Ids and vectors, never labels, so replay is exact. */
sealed interface WalEntry {

    long sequence();

    record Upsert(long sequence, List<VectorRecord> records) implements WalEntry {
    }

    record Delete(long sequence, long[] ids) implements WalEntry {
    }
}

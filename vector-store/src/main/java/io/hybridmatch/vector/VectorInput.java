package io.hybridmatch.vector;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The input checks every {@link VectorStore} makes before touching its index, so that a bad batch is refused whole
 * with the same message whichever backend runs.
 */
public final class VectorInput {

    private VectorInput() {
    }

    /** Checks each record and keeps the last vector of an id present more than once, in first-seen order. */
    public static List<VectorRecord> upsertBatch(List<VectorRecord> records, int dimension, String index) {
        Map<Long, VectorRecord> lastById = new LinkedHashMap<>();
        for (int i = 0; i < records.size(); i++) {
            VectorRecord record = records.get(i);
            if (record == null || record.vector() == null) {
                throw new VectorValidationException("record " + i + " has no vector");
            }
            checkVector(record.vector(), dimension, index, "record " + i + " (id " + record.id() + ")");
            lastById.remove(record.id());
            lastById.put(record.id(), record);
        }
        return List.copyOf(lastById.values());
    }

    public static void checkQuery(VectorQuery query, int dimension, String index) {
        checkVector(query.vector(), dimension, index, "query vector");
        if (query.k() < 1) {
            throw new VectorValidationException("k must be at least 1: " + query.k());
        }
    }

    public static void checkVector(float[] vector, int dimension, String index, String what) {
        if (vector == null) {
            throw new VectorValidationException(what + " is missing");
        }
        if (vector.length != dimension) {
            throw new VectorValidationException(what + " has " + vector.length + " dimensions; index '" + index
                    + "' holds " + dimension);
        }
        for (int i = 0; i < vector.length; i++) {
            if (!Float.isFinite(vector[i])) {
                throw new VectorValidationException(what + " has a non-finite value at position " + i);
            }
        }
    }
}

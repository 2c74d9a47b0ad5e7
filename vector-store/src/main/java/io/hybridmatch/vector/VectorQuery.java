package io.hybridmatch.vector;

import java.util.Arrays;

/**
 * A k-nearest-neighbour query.
 *
 * @param allowedIds when not null, only these ids may be returned (filtered search: the ids that
 *                   passed the keyword side's filters). A selective filter must not cost hits:
 *                   when few ids are allowed, implementations score them exactly instead of
 *                   relying on an approximate graph walk that may never reach them.
 */
public record VectorQuery(float[] vector, int k, long[] allowedIds) {

    public static VectorQuery of(float[] vector, int k) {
        return new VectorQuery(vector, k, null);
    }

    public static VectorQuery within(float[] vector, int k, long[] allowedIds) {
        return new VectorQuery(vector, k, allowedIds.clone());
    }

    public boolean filtered() {
        return allowedIds != null;
    }

    @Override
    public String toString() {
        return "VectorQuery[k=" + k + ", dim=" + vector.length
                + (allowedIds == null ? "" : ", allowed=" + Arrays.toString(Arrays.copyOf(allowedIds, Math.min(5, allowedIds.length))))
                + "]";
    }
}

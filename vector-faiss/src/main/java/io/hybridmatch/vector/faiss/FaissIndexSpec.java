package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.Metric;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one store holds: its name (also its directory name), the vectors' dimension and metric, the FAISS
 * {@code index_factory} description ("HNSW32,Flat", "IVF1024,Flat", "Flat", ...) and the default search knobs.
 *
 * @param efSearch HNSW candidates explored per query ({@code <= 0}: FAISS's default, 16)
 * @param nprobe   IVF lists scanned per query ({@code <= 0}: FAISS's default, 1)
 */
public record FaissIndexSpec(String name, int dimension, Metric metric, String factory, int efSearch, int nprobe) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern IVF_LISTS = Pattern.compile("(?:^|,)IVF(\\d+)");

    public FaissIndexSpec {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("index name must match " + NAME + ": " + name);
        }
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be positive: " + dimension);
        }
        Objects.requireNonNull(metric, "metric");
        if (factory == null || factory.isBlank()) {
            throw new IllegalArgumentException("factory must name a FAISS index_factory description");
        }
    }

    /** The number of IVF lists, for IVF factories: it sets how many vectors training needs. */
    OptionalInt ivfLists() {
        Matcher m = IVF_LISTS.matcher(factory);
        return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
    }
}

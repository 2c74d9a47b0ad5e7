package io.hybridmatch.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The one place the category weights come from: {@code category-weights.properties} next to this class
 * (retrieval plus one weight per {@link Criterion#key()}, and a {@code version}). Hand-set today; a learned
 * model is the same file with other numbers.
 */
public final class CategoryWeights {

    public static final String RETRIEVAL = "retrieval";
    private static final String FILE = "category-weights.properties";

    private CategoryWeights() {
    }

    /** The shipped weights, by category key. */
    public static Map<String, Double> defaults() {
        return read(CategoryWeights.class.getResourceAsStream(FILE), FILE);
    }

    /** Weights from a properties stream: every category must be there, each a number ≥ 0. */
    public static Map<String, Double> read(InputStream in, String source) {
        Properties properties = new Properties();
        try (in) {
            if (in == null) {
                throw new IllegalStateException(source + " is missing");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        weights.put(RETRIEVAL, weight(properties, RETRIEVAL, source));
        for (Criterion criterion : Criterion.values()) {
            weights.put(criterion.key(), weight(properties, criterion.key(), source));
        }
        return Map.copyOf(weights);
    }

    private static double weight(Properties properties, String key, String source) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException(source + " has no weight for '" + key + "'");
        }
        double weight = Double.parseDouble(value.strip());
        if (!(weight >= 0)) {
            throw new IllegalArgumentException(source + ": weight of '" + key + "' must be ≥ 0, got " + value);
        }
        return weight;
    }
}

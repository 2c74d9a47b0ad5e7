package io.hybridmatch.bench.latency;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The engine's per-stage timers as one Prometheus scrape shows them ({@code <metric>_bucket/_sum/_count}, summed
 * over the other labels), and the difference of two scrapes: what happened in between.
 */
record StageHistograms(Map<String, Series> series) {

    /** One stage: cumulative bucket counts by upper bound in seconds, the sum of seconds and the count. */
    record Series(TreeMap<Double, Double> buckets, double sum, double count) {

        Series minus(Series earlier) {
            TreeMap<Double, Double> b = new TreeMap<>();
            buckets.forEach((le, n) -> b.put(le, n - earlier.buckets().getOrDefault(le, 0.0)));
            return new Series(b, sum - earlier.sum(), count - earlier.count());
        }

        double meanMs() {
            return count == 0 ? 0 : sum / count * 1e3;
        }

        /** Quantile {@code q} in ms, interpolated inside its bucket as Prometheus's histogram_quantile does. */
        double quantileMs(double q) {
            double rank = q * count;
            double lower = 0;
            double below = 0;
            for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
                if (bucket.getValue() >= rank) {
                    if (bucket.getKey().isInfinite()) {
                        return lower * 1e3;
                    }
                    double inBucket = bucket.getValue() - below;
                    double fraction = inBucket == 0 ? 1 : (rank - below) / inBucket;
                    return (lower + (bucket.getKey() - lower) * fraction) * 1e3;
                }
                lower = bucket.getKey();
                below = bucket.getValue();
            }
            return lower * 1e3;
        }
    }

    private static final Pattern LINE = Pattern.compile("(?m)^(\\w+)_(bucket|sum|count)\\{([^}]*)} ([0-9.eE+-]+|\\+Inf)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    /**
     * The series of {@code metric} whose labels include {@code filter} (e.g. {@code direction="candidates_for_offer"}),
     * keyed by the value of {@code keyLabel} ({@code stage}, {@code retriever}), or by {@code metric} when null.
     */
    static StageHistograms parse(String scrape, String metric, String keyLabel, String filter) {
        Map<String, TreeMap<Double, Double>> buckets = new LinkedHashMap<>();
        Map<String, Double> sums = new LinkedHashMap<>();
        Map<String, Double> counts = new LinkedHashMap<>();
        Matcher m = LINE.matcher(scrape);
        while (m.find()) {
            if (!m.group(1).equals(metric) || !m.group(3).contains(filter)) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Matcher l = LABEL.matcher(m.group(3));
            while (l.find()) {
                labels.put(l.group(1), l.group(2));
            }
            String key = keyLabel == null ? metric : labels.get(keyLabel);
            double value = Double.parseDouble(m.group(4));
            switch (m.group(2)) {
                case "bucket" -> buckets.computeIfAbsent(key, k -> new TreeMap<>())
                        .merge("+Inf".equals(labels.get("le")) ? Double.POSITIVE_INFINITY : Double.parseDouble(labels.get("le")), value, Double::sum);
                case "sum" -> sums.merge(key, value, Double::sum);
                default -> counts.merge(key, value, Double::sum);
            }
        }
        Map<String, Series> series = new LinkedHashMap<>();
        counts.forEach((key, count) -> series.put(key, new Series(buckets.getOrDefault(key, new TreeMap<>()),
                sums.getOrDefault(key, 0.0), count)));
        return new StageHistograms(series);
    }

    StageHistograms minus(StageHistograms earlier) {
        Map<String, Series> out = new LinkedHashMap<>();
        series.forEach((key, s) -> out.put(key, earlier.series().containsKey(key) ? s.minus(earlier.series().get(key)) : s));
        return new StageHistograms(out);
    }
}

package io.hybridmatch.matching;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Fuses the keyword and the vector lists into one score per id (higher is better); see {@link FusionMethod}. */
final class Fusion {

    private Fusion() {
    }

    static Map<Long, Double> fuse(FusionMethod method, RankedList keyword, RankedList vector, int rrfK, double alpha) {
        Set<Long> ids = new LinkedHashSet<>(keyword.scores().keySet());
        ids.addAll(vector.scores().keySet());
        Map<Long, Double> k = normalise(method, keyword, false, rrfK);
        Map<Long, Double> v = normalise(method, vector, true, rrfK);
        Map<Long, Double> fused = new HashMap<>();
        for (long id : ids) {
            // an id absent from a list scores that list's floor: 0 under every normalisation
            double ks = k.getOrDefault(id, 0.0);
            double vs = v.getOrDefault(id, 0.0);
            fused.put(id, method == FusionMethod.RRF ? ks + vs : (1 - alpha) * ks + alpha * vs);
        }
        return fused;
    }

    private static Map<Long, Double> normalise(FusionMethod method, RankedList list, boolean cosine, int rrfK) {
        Map<Long, Double> out = new HashMap<>();
        if (list.scores().isEmpty()) {
            return out;
        }
        double min = list.scores().values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = list.scores().values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double mean = list.scores().values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double sd = Math.sqrt(list.scores().values().stream().mapToDouble(s -> (s - mean) * (s - mean)).average().orElse(0));
        Map<Long, Integer> ranks = list.ranks();
        list.scores().forEach((id, s) -> out.put(id, switch (method) {
            case RRF -> 1.0 / (rrfK + ranks.get(id));
            case MINMAX -> max > min ? (s - min) / (max - min) : 1.0;
            // z-score measured from the list's lowest score: the same fused order as plain z-scores (a constant
            // shift per list), and never below 0, so a hit's retrieval category stays in [0, 1]
            case ZSCORE -> sd > 0 ? (s - min) / sd : 0.0;
            // theoretical bounds: cosine of unit vectors in [-1, 1]; BM25 in [0, max]
            case CONVEX -> cosine ? (s + 1) / 2 : (max > 0 ? s / max : 0.0);
        }));
        return out;
    }
}

package io.hybridmatch.eval;

import io.hybridmatch.matching.MatchDirection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * k-fold cross-validation by query: each query (set, direction, document) falls in one fold, stratified by set and
 * direction; weights are learned on the other folds for each fusion setting, and the fusion setting itself is chosen
 * on the training folds only (best training NDCG@10). Every number reported from here is on held-out queries.
 */
final class CrossValidation {

    static final int FOLDS = 5;

    record Key(String set, MatchDirection direction, long id) {
        static Key of(RankingQuery q) {
            return new Key(q.set(), q.direction(), q.id());
        }
    }

    /** A fold's learned model: the chosen fusion and its weights. */
    record Choice(FusionConfig fusion, double[] weights) {
    }

    private final Map<Key, Integer> folds = new HashMap<>();
    private final Map<FusionConfig, CoordinateAscent.Result[]> trained = new LinkedHashMap<>();

    CrossValidation(Map<FusionConfig, List<RankingQuery>> pools, double[] start, long seed) {
        List<Key> keys = pools.values().iterator().next().stream().map(Key::of).toList();
        SplittableRandom random = new SplittableRandom(seed);
        keys.stream().collect(Collectors.groupingBy(k -> k.set() + k.direction(), LinkedHashMap::new, Collectors.toList()))
                .values().forEach(group -> {
                    List<Key> shuffled = new ArrayList<>(group);
                    for (int i = shuffled.size() - 1; i > 0; i--) {
                        java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
                    }
                    for (int i = 0; i < shuffled.size(); i++) {
                        folds.put(shuffled.get(i), i % FOLDS);
                    }
                });
        pools.forEach((fusion, queries) -> {
            CoordinateAscent.Result[] perFold = new CoordinateAscent.Result[FOLDS];
            for (int f = 0; f < FOLDS; f++) {
                int fold = f;
                perFold[f] = new CoordinateAscent(queries.stream().filter(q -> folds.get(Key.of(q)) != fold).toList())
                        .train(start, seed + f);
            }
            trained.put(fusion, perFold);
        });
    }

    int fold(RankingQuery q) {
        return folds.get(Key.of(q));
    }

    /** The weights learned for this fusion setting without the query's fold. */
    double[] heldOutWeights(FusionConfig fusion, RankingQuery q) {
        return trained.get(fusion)[fold(q)].weights();
    }

    /** The whole procedure for the query's fold: the fusion with the best training NDCG@10, and its weights. */
    Choice heldOutChoice(RankingQuery q) {
        FusionConfig best = chosenPerFold().get(fold(q));
        return new Choice(best, trained.get(best)[fold(q)].weights());
    }

    List<FusionConfig> chosenPerFold() {
        List<FusionConfig> out = new ArrayList<>();
        for (int f = 0; f < FOLDS; f++) {
            int fold = f;
            out.add(trained.keySet().stream()
                    .max(Comparator.comparingDouble((FusionConfig c) -> trained.get(c)[fold].trainNdcg())).orElseThrow());
        }
        return out;
    }
}

package io.hybridmatch.matching;

import java.util.LinkedHashMap;
import java.util.Map;

/** One retriever's answer: ids in rank order with their raw scores. */
record RankedList(String retriever, LinkedHashMap<Long, Double> scores) {

    int rank(long id) {
        int rank = 1;
        for (Long key : scores.keySet()) {
            if (key == id) {
                return rank;
            }
            rank++;
        }
        return -1;
    }

    Map<Long, Integer> ranks() {
        Map<Long, Integer> ranks = new LinkedHashMap<>();
        int rank = 1;
        for (Long id : scores.keySet()) {
            ranks.put(id, rank++);
        }
        return ranks;
    }
}

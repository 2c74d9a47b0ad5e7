package io.hybridmatch.celery.conformance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares two workers' observations of one scenario leaf by leaf. A path reads like the JSON it comes from, e.g.
 * {@code task.metas[0].result.exc_type}; a leaf missing on one side is {@code <absent>}.
 */
final class ObservationDiff {

    static final String ABSENT = "<absent>";

    /** One leaf that differs: what the oracle (Python) observed and what the worker under test gave. */
    record Difference(String path, String expected, String actual) {
        @Override
        public String toString() {
            return path + "\n      python: " + expected + "\n      java:   " + actual;
        }
    }

    private ObservationDiff() {
    }

    static List<Difference> compare(JsonNode expected, JsonNode actual) {
        Map<String, String> left = flatten(expected);
        Map<String, String> right = flatten(actual);
        Set<String> paths = new LinkedHashSet<>(left.keySet());
        paths.addAll(right.keySet());
        List<Difference> differences = new ArrayList<>();
        for (String path : paths) {
            String l = left.getOrDefault(path, ABSENT);
            String r = right.getOrDefault(path, ABSENT);
            if (!l.equals(r)) {
                differences.add(new Difference(path, l, r));
            }
        }
        return differences;
    }

    static Map<String, String> flatten(JsonNode node) {
        Map<String, String> leaves = new LinkedHashMap<>();
        flatten("", node, leaves);
        return leaves;
    }

    private static void flatten(String path, JsonNode node, Map<String, String> leaves) {
        if (node == null) {
            return;
        }
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                flatten(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), leaves);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), leaves);
            }
        } else {
            leaves.put(path, node.toString());
        }
    }
}

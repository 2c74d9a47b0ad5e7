package io.hybridmatch.normalization.taxonomy;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Label keys ({@link LabelKey}) → concept ids: exact lookups, word-order-free lookups, phrases in a text. */
final class LabelIndex {

    private final Map<String, String> byKey;
    private final Set<String> alternatives;
    private final Map<String, String> byWordSet = new HashMap<>();
    private final Set<String> alternativeWordSets = new HashSet<>();
    private final TokenTrie<String> phrases = new TokenTrie<>();

    /** {@code alternatives}: the keys that are an alternative name of their concept, not its preferred one. */
    LabelIndex(Map<String, String> byKey, Set<String> alternatives) {
        this.byKey = Map.copyOf(byKey);
        this.alternatives = Set.copyOf(alternatives);
        alternatives.forEach(key -> alternativeWordSets.add(sorted(List.of(key.split(" ")))));
        byKey.forEach((key, id) -> {
            List<String> words = List.of(key.split(" "));
            phrases.put(words, id);
            byWordSet.merge(sorted(words), id, (a, b) -> a.equals(b) ? a : "");
        });
        byWordSet.values().removeIf(String::isEmpty); // two concepts with the same words in another order
    }

    Optional<String> exact(String text) {
        return Optional.ofNullable(byKey.get(LabelKey.of(text)));
    }

    /** The label as written, else its words in any order ("Java developer" = "developer Java"). */
    Optional<String> exactOrReordered(String text) {
        return exactOrReordered(LabelKey.tokens(text));
    }

    List<TokenTrie.Match<String>> findAll(String text) {
        return phrases.findAll(LabelKey.tokens(text));
    }

    /** Every label among these (already keyed) words, overlapping ones included. */
    List<TokenTrie.Match<String>> findEvery(List<String> words) {
        return phrases.findEvery(words);
    }

    /** The concept whose label these (already keyed) words are, as written or in another order. */
    Optional<String> exactOrReordered(List<String> words) {
        String id = byKey.get(String.join(" ", words));
        return Optional.ofNullable(id != null ? id : byWordSet.get(sorted(words)));
    }

    /**
     * These (already keyed) words, as written or in another order, are a classification's alternative name of their
     * concept (ESCO's altLabels), not its preferred name nor a hand-written one.
     */
    boolean alternative(List<String> words) {
        String key = String.join(" ", words);
        return byKey.containsKey(key) ? alternatives.contains(key) : alternativeWordSets.contains(sorted(words));
    }

    int size() {
        return byKey.size();
    }

    private static String sorted(List<String> words) {
        return String.join(" ", words.stream().sorted().toList());
    }
}

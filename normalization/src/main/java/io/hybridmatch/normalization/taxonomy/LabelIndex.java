package io.hybridmatch.normalization.taxonomy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Label keys ({@link LabelKey}) → concept ids: exact lookups, word-order-free lookups, phrases in a text. */
final class LabelIndex {

    private final Map<String, String> byKey;
    private final Map<String, String> byWordSet = new HashMap<>();
    private final TokenTrie<String> phrases = new TokenTrie<>();

    LabelIndex(Map<String, String> byKey) {
        this.byKey = Map.copyOf(byKey);
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

    int size() {
        return byKey.size();
    }

    private static String sorted(List<String> words) {
        return String.join(" ", words.stream().sorted().toList());
    }
}

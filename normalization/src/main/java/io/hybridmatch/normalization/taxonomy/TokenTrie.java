package io.hybridmatch.normalization.taxonomy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Phrases of words → a value, matched in a text by walking a trie of words: at each position the longest phrase
 * wins, then the walk resumes after it (leftmost-longest, no overlaps). Hand-written because the matching is on
 * whole folded words, which a character automaton (Aho–Corasick) would need word-boundary checks and a second
 * pass to give; a word trie costs one hash lookup per word per step and stays under a hundred lines.
 */
final class TokenTrie<V> {

    /** A phrase found in a text: its value and the words [start, end) it covers. */
    record Match<V>(V value, int start, int end) {
    }

    private static final class Node<V> {
        final Map<String, Node<V>> next = new HashMap<>(4);
        V value;
    }

    private final Node<V> root = new Node<>();

    void put(List<String> phrase, V value) {
        if (phrase.isEmpty()) {
            return;
        }
        Node<V> node = root;
        for (String word : phrase) {
            node = node.next.computeIfAbsent(word, w -> new Node<>());
        }
        node.value = value;
    }

    List<Match<V>> findAll(List<String> words) {
        List<Match<V>> out = new ArrayList<>();
        int i = 0;
        while (i < words.size()) {
            Match<V> longest = longestAt(words, i);
            if (longest == null) {
                i++;
            } else {
                out.add(longest);
                i = longest.end();
            }
        }
        return out;
    }

    /** Every phrase at every position, overlapping ones included ("sous chef" and "chef"), by start then length. */
    List<Match<V>> findEvery(List<String> words) {
        List<Match<V>> out = new ArrayList<>();
        for (int start = 0; start < words.size(); start++) {
            Node<V> node = root;
            for (int j = start; j < words.size() && (node = node.next.get(words.get(j))) != null; j++) {
                if (node.value != null) {
                    out.add(new Match<>(node.value, start, j + 1));
                }
            }
        }
        return out;
    }

    private Match<V> longestAt(List<String> words, int start) {
        Node<V> node = root;
        Match<V> longest = null;
        for (int j = start; j < words.size(); j++) {
            node = node.next.get(words.get(j));
            if (node == null) {
                break;
            }
            if (node.value != null) {
                longest = new Match<>(node.value, start, j + 1);
            }
        }
        return longest;
    }
}

package io.hybridmatch.normalization;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Small text helpers shared by the normalised records. */
final class Texts {

    private Texts() {
    }

    static String joinSentences(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.endsWith(".") ? s : s + ".").collect(Collectors.joining(" "));
    }

    /** Canonical skill names as words for the sentence model ("project_management" → "project management"). */
    static List<String> readable(List<String> skills) {
        return skills.stream().map(s -> s.replace('_', ' ')).toList();
    }

    static void putIfPresent(Map<String, Object> record, String field, Object value) {
        if (value != null) {
            record.put(field, value);
        }
    }
}

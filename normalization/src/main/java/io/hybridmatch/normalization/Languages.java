package io.hybridmatch.normalization;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Spoken languages as ISO 639-1 codes, from French or English names or codes ("Anglais courant" → en). */
public final class Languages {

    private static final Map<String, String> CODES = Map.ofEntries(
            Map.entry("fr", "fr"), Map.entry("french", "fr"), Map.entry("francais", "fr"), Map.entry("francaise", "fr"),
            Map.entry("en", "en"), Map.entry("english", "en"), Map.entry("anglais", "en"), Map.entry("anglaise", "en"),
            Map.entry("de", "de"), Map.entry("german", "de"), Map.entry("allemand", "de"),
            Map.entry("es", "es"), Map.entry("spanish", "es"), Map.entry("espagnol", "es"),
            Map.entry("it", "it"), Map.entry("italian", "it"), Map.entry("italien", "it"),
            Map.entry("pt", "pt"), Map.entry("portuguese", "pt"), Map.entry("portugais", "pt"),
            Map.entry("nl", "nl"), Map.entry("dutch", "nl"), Map.entry("neerlandais", "nl"),
            Map.entry("ar", "ar"), Map.entry("arabic", "ar"), Map.entry("arabe", "ar"),
            Map.entry("zh", "zh"), Map.entry("chinese", "zh"), Map.entry("chinois", "zh"), Map.entry("mandarin", "zh"));

    private Languages() {
    }

    /** Each entry may carry a level ("English C1", "anglais courant"): the first known word names the language. */
    public static List<String> normalize(List<String> languages) {
        Set<String> codes = new LinkedHashSet<>();
        for (String language : languages) {
            TextFolding.tokens(language).stream().map(CODES::get).filter(java.util.Objects::nonNull)
                    .findFirst().ifPresent(codes::add);
        }
        return List.copyOf(codes);
    }
}

package io.hybridmatch.normalization;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Skill synonyms, French and English, from {@code skills.tsv}: every alias maps to one canonical skill
 * ("JS", "Javascript" → javascript; "K8s" → kubernetes; "gestion de projet" → project_management).
 *
 * <p>Free text is matched with the dictionary, longest phrase first, on folded tokens: the vocabulary of skills is
 * closed and curated, a dictionary is explainable (the explanation of a match can name the alias), needs no
 * training data, and its errors are fixed by editing one line. Aliases marked {@code =} are too ambiguous for free
 * text ("go", "r", "po") and count only in skill lists.
 */
public final class SkillDictionary {

    private final Map<String, String> canonicalByAlias = new HashMap<>();
    private final Map<String, String> textAliases = new HashMap<>();
    private final int longestAlias;

    private SkillDictionary(List<String> lines) {
        int longest = 1;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t");
            if (parts.length != 2) {
                throw new IllegalArgumentException("skill dictionary line is not 'canonical<TAB>aliases': " + line);
            }
            String canonical = parts[0].trim();
            add(canonical, canonical.replace('_', ' '), true); // free text matches the listed aliases only
            for (String alias : parts[1].split("\\|")) {
                boolean listOnly = alias.startsWith("=");
                String folded = TextFolding.fold(listOnly ? alias.substring(1) : alias);
                add(canonical, folded, listOnly);
                longest = Math.max(longest, folded.split(" ").length);
            }
        }
        this.longestAlias = longest;
    }

    private void add(String canonical, String folded, boolean listOnly) {
        String previous = canonicalByAlias.putIfAbsent(folded, canonical);
        if (previous != null && !previous.equals(canonical)) {
            throw new IllegalArgumentException("alias '" + folded + "' names both " + previous + " and " + canonical);
        }
        if (!listOnly) {
            textAliases.put(folded, canonical);
        }
    }

    /** The dictionary shipped with the module. */
    public static SkillDictionary bundled() {
        try (InputStream in = SkillDictionary.class.getResourceAsStream("skills.tsv")) {
            return new SkillDictionary(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static SkillDictionary of(List<String> tsvLines) {
        return new SkillDictionary(tsvLines);
    }

    /** The canonical name of one skill as a candidate or recruiter wrote it, if the dictionary knows it. */
    public Optional<String> canonical(String skill) {
        return Optional.ofNullable(canonicalByAlias.get(TextFolding.fold(skill)));
    }

    /** Canonical names, in first-seen order, without duplicates; unknown skills are kept in folded form. */
    public List<String> normalize(List<String> skills) {
        Set<String> out = new LinkedHashSet<>();
        for (String skill : skills) {
            String folded = TextFolding.fold(skill);
            if (!folded.isEmpty()) {
                out.add(canonicalByAlias.getOrDefault(folded, folded));
            }
        }
        return List.copyOf(out);
    }

    /** Skills named in free text (an offer's description), longest phrase first, in order of appearance. */
    public List<String> extract(String text) {
        List<String> tokens = TextFolding.tokens(text);
        Set<String> found = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); ) {
            int matched = 0;
            for (int n = Math.min(longestAlias, tokens.size() - i); n >= 1 && matched == 0; n--) {
                String canonical = textAliases.get(String.join(" ", tokens.subList(i, i + n)));
                if (canonical != null) {
                    found.add(canonical);
                    matched = n;
                }
            }
            i += Math.max(1, matched);
        }
        return new ArrayList<>(found);
    }
}

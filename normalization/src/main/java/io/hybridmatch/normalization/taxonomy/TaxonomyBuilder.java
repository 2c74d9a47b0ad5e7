package io.hybridmatch.normalization.taxonomy;

import io.hybridmatch.normalization.taxonomy.Concept.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Merges taxonomy layers in order (ESCO, then the curated layers, then a deployment's files):
 * <ul>
 *   <li>a line whose id exists adds its labels and relations to that concept (and replaces its group if it gives one);</li>
 *   <li>a label already held by an earlier layer's concept moves to the later one; when it was a skill's preferred
 *       name and the later label is a free-text one, the earlier skill is merged into the later one (ESCO's "Java"
 *       into the curated {@code java}, with its broader skill). Occupations are never merged this way: two
 *       occupations often share a title in one language only (ESCO's French "juriste" names its lawyer), so a
 *       curated occupation that is an ESCO one uses the ESCO id;</li>
 *   <li>within a hand-written layer a label naming two concepts is an error; within a layer marked
 *       {@code #! ambiguous-labels: drop} (ESCO, whose alternative labels overlap) a preferred name beats an
 *       alternative one and two of a kind are dropped.</li>
 *   <li>a {@code trade} line names occupations that are one trade in recruiting practice; a line whose trade id
 *       exists adds members to it.</li>
 * </ul>
 */
final class TaxonomyBuilder {

    /** The kind of a line grouping occupations into one trade (its fifth field: the member occupation ids). */
    static final String TRADE = "trade";

    private record Owner(String id, int layer, boolean preferred, boolean listOnly) {
    }

    private static final class Draft {
        final String id;
        String group = "";
        final Set<String> broader = new LinkedHashSet<>();
        final Set<String> linked = new LinkedHashSet<>();
        final List<Label> labels = new ArrayList<>();

        Draft(String id) {
            this.id = id;
        }
    }

    private final Map<Kind, Map<String, Draft>> drafts = new EnumMap<>(Kind.class);
    private final Map<Kind, Map<String, Owner>> owners = new EnumMap<>(Kind.class);
    private final Map<Kind, Map<String, String>> mergedInto = new EnumMap<>(Kind.class);
    private final Set<String> dropped = new HashSet<>();
    private final Map<String, Set<String>> essentialSkills = new HashMap<>();
    private final Map<String, Set<String>> optionalSkills = new HashMap<>();
    private final Map<String, Set<String>> trades = new LinkedHashMap<>();
    private final Set<String> idsOfLayer = new HashSet<>();
    private int layer = -1;

    TaxonomyBuilder() {
        for (Kind kind : Kind.values()) {
            drafts.put(kind, new LinkedHashMap<>());
            owners.put(kind, new HashMap<>());
            mergedInto.put(kind, new HashMap<>());
        }
    }

    /** One file's lines; {@code source} names it in errors. */
    TaxonomyBuilder layer(String source, List<String> lines) {
        layer++;
        boolean dropAmbiguous = lines.stream().anyMatch(l -> l.replace(" ", "").equals("#!ambiguous-labels:drop"));
        idsOfLayer.clear();
        lines.stream().filter(l -> !l.startsWith("#")).map(l -> l.split("\t", 3)).filter(f -> f.length > 1)
                .forEach(f -> idsOfLayer.add(f[1].strip()));
        rows(source, lines, 6, "kind, id, group, broader, related/typical/members, labels", f -> {
            if (f[0].equals(TRADE)) {
                trades.computeIfAbsent(f[1].strip(), k -> new LinkedHashSet<>()).addAll(split(f[4]));
            } else {
                add(Kind.parse(f[0]), f[1].strip(), f[2].strip(), split(f[3]), split(f[4]), split(f[5]), dropAmbiguous);
            }
        });
        return this;
    }

    /**
     * An occupation → skill relation file ({@code hybridmatch-occupation-skills 1}: occupation id, essential skill
     * ids, optional skill ids); read after the layers its ids come from, resolved through their merges at build.
     */
    TaxonomyBuilder occupationSkills(String source, List<String> lines) {
        rows(source, lines, 3, "occupation, essential skills, optional skills", f -> {
            essentialSkills.computeIfAbsent(f[0].strip(), k -> new LinkedHashSet<>()).addAll(split(f[1]));
            optionalSkills.computeIfAbsent(f[0].strip(), k -> new LinkedHashSet<>()).addAll(split(f[2]));
        });
        return this;
    }

    /** Each data line of a file as its tab-separated fields, exactly {@code fields} of them; errors name the line. */
    private static void rows(String source, List<String> lines, int fields, String names, Consumer<String[]> row) {
        int number = 0;
        for (String line : lines) {
            number++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != fields) {
                throw new IllegalArgumentException(source + ":" + number + ": expected " + fields
                        + " tab-separated fields (" + names + "), got " + f.length);
            }
            try {
                row.accept(f);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + number + ": " + e.getMessage(), e);
            }
        }
    }

    private void add(Kind kind, String id, String group, List<String> broader, List<String> linked, List<String> labels,
                     boolean dropAmbiguous) {
        if (!id.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("id '" + id + "' must be lower case letters, digits and _");
        }
        Draft draft = drafts.get(kind).computeIfAbsent(resolve(kind, id), Draft::new);
        if (!group.isEmpty()) {
            draft.group = group;
        }
        draft.broader.addAll(broader);
        draft.linked.addAll(linked);
        Set<String> languagesSeen = new HashSet<>();
        addLabel(kind, draft, new Label("", id.replace('_', ' '), true), false, dropAmbiguous);
        for (String field : labels) {
            Label label = Label.parse(field);
            boolean preferred = languagesSeen.add(label.language());
            draft.labels.add(label);
            addLabel(kind, draft, label, preferred, dropAmbiguous);
        }
    }

    private void addLabel(Kind kind, Draft draft, Label label, boolean preferred, boolean dropAmbiguous) {
        String key = LabelKey.of(label.text());
        if (key.isEmpty()) {
            return;
        }
        Map<String, Owner> byKey = owners.get(kind);
        Owner old = byKey.get(key);
        Owner mine = new Owner(draft.id, layer, preferred, label.listOnly());
        if (old == null) {
            if (!dropped.contains(kind + key + "@" + layer)) {
                byKey.put(key, mine);
            }
            return;
        }
        String oldId = resolve(kind, old.id());
        if (oldId.equals(draft.id)) {
            // a later layer decides whether its label counts in free text; within a layer, free text wins
            if (old.layer() < layer || (old.listOnly() && !label.listOnly())) {
                byKey.put(key, mine);
            }
            return;
        }
        if (old.layer() < layer) {
            byKey.put(key, mine);
            if (kind == Kind.SKILL && old.preferred() && !label.listOnly() && !idsOfLayer.contains(oldId)) {
                merge(kind, oldId, draft);
            }
        } else if (!dropAmbiguous) {
            throw new IllegalArgumentException("label '" + label.text() + "' names both " + oldId + " and " + draft.id);
        } else if (preferred && !old.preferred()) {
            byKey.put(key, mine);
        } else if (preferred == old.preferred()) {
            byKey.remove(key);
            dropped.add(kind + key + "@" + layer);
        }
    }

    /** The earlier concept becomes a name of the later one: labels and relations move, references follow. */
    private void merge(Kind kind, String fromId, Draft into) {
        Draft from = drafts.get(kind).remove(fromId);
        if (from == null) {
            return;
        }
        mergedInto.get(kind).put(fromId, into.id);
        into.broader.addAll(from.broader);
        into.linked.addAll(from.linked);
        into.labels.addAll(from.labels);
        if (into.group.isEmpty()) {
            into.group = from.group;
        }
    }

    private String resolve(Kind kind, String id) {
        String current = id;
        for (int hops = 0; hops < 10; hops++) {
            String next = mergedInto.get(kind).get(current);
            if (next == null) {
                return current;
            }
            current = next;
        }
        return current;
    }

    Taxonomy build() {
        Map<Kind, Map<String, Concept>> concepts = new EnumMap<>(Kind.class);
        List<String> unknown = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            Map<String, Concept> out = new LinkedHashMap<>();
            for (Draft d : drafts.get(kind).values()) {
                // related skills and typical skills are both skills
                out.put(d.id, new Concept(kind, d.id, d.group, references(kind, d.id, d.broader, kind, unknown),
                        references(kind, d.id, d.linked, Kind.SKILL, unknown), List.copyOf(d.labels)));
            }
            concepts.put(kind, out);
        }
        OccupationSkills occupationSkills = occupationSkills(concepts.get(Kind.OCCUPATION), unknown);
        Map<String, Set<String>> tradesOf = tradesOf(concepts.get(Kind.OCCUPATION), unknown);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("taxonomy refers to unknown ids: "
                    + String.join(", ", unknown.subList(0, Math.min(20, unknown.size()))));
        }
        inheritIscoGroups(concepts.get(Kind.OCCUPATION));
        return new Taxonomy(concepts.get(Kind.OCCUPATION), concepts.get(Kind.SKILL),
                labelIndex(Kind.OCCUPATION, false), labelIndex(Kind.SKILL, false), labelIndex(Kind.SKILL, true),
                occupationSkills, tradesOf);
    }

    /** Each member occupation → the trades it is in, ids resolved. */
    private Map<String, Set<String>> tradesOf(Map<String, Concept> occupations, List<String> unknown) {
        Map<String, Set<String>> out = new HashMap<>();
        trades.forEach((trade, members) -> {
            for (String member : members) {
                String occupation = resolve(Kind.OCCUPATION, member);
                if (occupations.containsKey(occupation)) {
                    out.computeIfAbsent(occupation, k -> new LinkedHashSet<>()).add(trade);
                } else {
                    unknown.add("trade " + trade + " → " + member);
                }
            }
        });
        return out;
    }

    /** The relation files' pairs plus each occupation's typical skills (as essential), ids resolved. */
    private OccupationSkills occupationSkills(Map<String, Concept> occupations, List<String> unknown) {
        Map<String, Set<String>> essential = new HashMap<>();
        Map<String, Set<String>> optional = new HashMap<>();
        for (Map.Entry<String, Set<String>> e : essentialSkills.entrySet()) {
            String occupation = resolve(Kind.OCCUPATION, e.getKey());
            if (!occupations.containsKey(occupation)) {
                unknown.add("occupation skills of " + e.getKey());
                continue;
            }
            essential.put(occupation, references(Kind.OCCUPATION, occupation, e.getValue(), Kind.SKILL, unknown));
            optional.put(occupation, references(Kind.OCCUPATION, occupation, optionalSkills.get(e.getKey()), Kind.SKILL, unknown));
        }
        for (Concept occupation : occupations.values()) {
            if (!occupation.linked().isEmpty()) {
                Set<String> merged = new LinkedHashSet<>(essential.getOrDefault(occupation.id(), Set.of()));
                merged.addAll(occupation.linked());
                essential.put(occupation.id(), merged);
            }
        }
        essential.forEach((occupation, skills) -> optional.computeIfPresent(occupation, (k, maybe) -> {
            Set<String> rest = new LinkedHashSet<>(maybe);
            rest.removeAll(skills);
            return rest;
        }));
        return new OccupationSkills(essential, optional);
    }

    private LabelIndex labelIndex(Kind kind, boolean freeTextOnly) {
        Map<String, String> byKey = new HashMap<>();
        owners.get(kind).forEach((key, owner) -> {
            if (!freeTextOnly || countsInFreeText(key, owner)) {
                byKey.put(key, resolve(kind, owner.id()));
            }
        });
        return new LabelIndex(byKey);
    }

    /**
     * Not list-only, and more than one letter once folded: a lone letter in prose is a French gender mark
     * ("basé(e)", "un(e)") or an initial, so "A&E", whose "a" folds away as a function word, must not read as "e".
     */
    private static boolean countsInFreeText(String key, Owner owner) {
        return !owner.listOnly() && key.length() > 1;
    }

    /** A curated occupation without an ISCO group has its broader occupation's. */
    private static void inheritIscoGroups(Map<String, Concept> occupations) {
        for (Map.Entry<String, Concept> entry : occupations.entrySet()) {
            Concept current = entry.getValue();
            for (int hops = 0; hops < 5 && current != null && current.group().isEmpty(); hops++) {
                current = current.broader().stream().map(occupations::get).findFirst().orElse(null);
            }
            Concept o = entry.getValue();
            if (o.group().isEmpty() && current != null) {
                entry.setValue(new Concept(o.kind(), o.id(), current.group(), o.broader(), o.linked(), o.labels()));
            }
        }
    }

    private Set<String> references(Kind kind, String self, Set<String> ids, Kind target, List<String> unknown) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : ids) {
            String resolved = resolve(target, id);
            if (!drafts.get(target).containsKey(resolved)) {
                unknown.add(kind.name().toLowerCase(Locale.ROOT) + " " + self + " → " + id);
            } else if (!(target == kind && resolved.equals(self))) {
                out.add(resolved);
            }
        }
        return Collections.unmodifiableSet(out);
    }

    private static List<String> split(String field) {
        if (field.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : field.split("\\|")) {
            if (!part.isBlank()) {
                out.add(part.strip());
            }
        }
        return out;
    }
}

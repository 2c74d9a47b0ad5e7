package io.hybridmatch.normalization.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * Where the taxonomy comes from: the layers shipped in this module, then a deployment's own files (same format,
 * {@code .tsv} or {@code .tsv.gz}) named by the system property {@code hybridmatch.taxonomy.files} or the
 * environment variable {@code HYBRIDMATCH_TAXONOMY_FILES} (comma-separated paths). Loaded once per list of files.
 */
public final class TaxonomyFiles {

    /** The shipped layers, in merge order. Format and how to rebuild them: taxonomy/README.md. */
    public static final List<String> BUNDLED = List.of("esco.tsv.gz", "curated-skills.tsv", "curated-occupations.tsv",
            "curated-trades.tsv");
    /** ESCO's occupation → essential/optional skill relations, ids of {@code esco.tsv.gz} (taxonomy/README.md). */
    public static final String BUNDLED_OCCUPATION_SKILLS = "esco-occupation-skills.tsv.gz";
    public static final String PROPERTY = "hybridmatch.taxonomy.files";
    public static final String ENVIRONMENT = "HYBRIDMATCH_TAXONOMY_FILES";

    private static final Map<List<Path>, Taxonomy> LOADED = new ConcurrentHashMap<>();

    private TaxonomyFiles() {
    }

    /** The shipped taxonomy extended by the configured deployment files, if any. */
    public static Taxonomy configured() {
        String files = System.getProperty(PROPERTY, System.getenv().getOrDefault(ENVIRONMENT, ""));
        List<Path> extra = new ArrayList<>();
        for (String file : files.split(",")) {
            if (!file.isBlank()) {
                extra.add(Path.of(file.strip()));
            }
        }
        return withExtensions(extra);
    }

    public static Taxonomy bundled() {
        return withExtensions(List.of());
    }

    public static Taxonomy withExtensions(List<Path> files) {
        return LOADED.computeIfAbsent(List.copyOf(files), TaxonomyFiles::load);
    }

    private static Taxonomy load(List<Path> extra) {
        TaxonomyBuilder builder = new TaxonomyBuilder();
        for (String name : BUNDLED) {
            builder.layer(name, bundledLines(name));
        }
        builder.occupationSkills(BUNDLED_OCCUPATION_SKILLS, bundledLines(BUNDLED_OCCUPATION_SKILLS));
        for (Path file : extra) {
            try (InputStream in = Files.newInputStream(file)) {
                builder.layer(file.toString(), lines(file.toString(), in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read taxonomy file " + file, e);
            }
        }
        return builder.build();
    }

    /** A layer given as lines (tests, tools). */
    public static Taxonomy of(List<List<String>> layers) {
        TaxonomyBuilder builder = new TaxonomyBuilder();
        for (int i = 0; i < layers.size(); i++) {
            builder.layer("layer " + (i + 1), layers.get(i));
        }
        return builder.build();
    }

    private static List<String> bundledLines(String name) {
        try (InputStream in = TaxonomyFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("taxonomy file " + name + " is missing from the class path");
            }
            return lines(name, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> lines(String name, InputStream raw) throws IOException {
        InputStream in = name.endsWith(".gz") ? new GZIPInputStream(raw) : raw;
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
    }
}

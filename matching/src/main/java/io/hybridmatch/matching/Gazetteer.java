package io.hybridmatch.matching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.hybridmatch.normalization.TextFolding;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * City names (French and English forms) → coordinates, for the seed's keyword locations ("Paris", "Lyon 69",
 * "Londres"). Distances are great-circle kilometres. Unknown places have no distance (neutral score).
 */
public final class Gazetteer {

    public record Place(String name, double latitude, double longitude) {
    }

    /** Distinct texts {@link #find} remembers (free text: the set is open, so the least used are let go). */
    private static final int MAX_REMEMBERED = 10_000;

    private final Map<String, Place> byName = new HashMap<>();
    /**
     * {@link #find}'s answers by the text as given: scoring asks for the offer's place and each candidate's, a
     * hundred times a request, from a few distinct texts, and folding each anew was 8 % of a request's
     * allocation.
     */
    private final Cache<String, Optional<Place>> found = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).build();

    private Gazetteer(BufferedReader lines) throws IOException {
        String line;
        while ((line = lines.readLine()) != null) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            Place place = new Place(f[0], Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            byName.put(TextFolding.fold(f[0]), place);
            if (f.length > 3) {
                for (String alias : f[3].split("\\|")) {
                    byName.put(TextFolding.fold(alias), place);
                }
            }
        }
    }

    public static Gazetteer bundled() {
        try (InputStream in = Gazetteer.class.getResourceAsStream("cities.tsv")) {
            return new Gazetteer(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The place a free-text location names: the whole text, else its first known word or pair of words. */
    public Optional<Place> find(String location) {
        if (location == null || location.isBlank()) {
            return Optional.empty();
        }
        return found.get(location, this::lookUp);
    }

    private Optional<Place> lookUp(String location) {
        String folded = TextFolding.fold(location);
        Place whole = byName.get(folded);
        if (whole != null) {
            return Optional.of(whole);
        }
        String[] words = folded.split("[ ,]+");
        for (int i = 0; i < words.length; i++) {
            if (i + 1 < words.length && byName.containsKey(words[i] + " " + words[i + 1])) {
                return Optional.of(byName.get(words[i] + " " + words[i + 1]));
            }
            if (byName.containsKey(words[i])) {
                return Optional.of(byName.get(words[i]));
            }
        }
        return Optional.empty();
    }

    /** Kilometres between two named places, when both are known. */
    public Optional<Double> distanceKm(String from, String to) {
        Optional<Place> a = find(from);
        Optional<Place> b = find(to);
        if (a.isEmpty() || b.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(haversine(a.get(), b.get()));
    }

    private static double haversine(Place a, Place b) {
        double dLat = Math.toRadians(b.latitude() - a.latitude());
        double dLon = Math.toRadians(b.longitude() - a.longitude());
        double h = Math.pow(Math.sin(dLat / 2), 2)
                + Math.cos(Math.toRadians(a.latitude())) * Math.cos(Math.toRadians(b.latitude())) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371.0 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}

package io.hybridmatch.matching;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A learned ranking model: for each direction, the default fusion setting and the category weights (retrieval and
 * each {@link Criterion}, by name), with the model's version and how it was trained, as a versioned JSON file
 * (format 1) that the engine loads at start. Written by the eval module's trainer ({@code eval/train}); the bundled
 * {@code ranking-model.json} is the shipped one. The two directions learn apart: an offer's pool of candidates and a
 * candidate's pool of offers go wrong in different ways.
 *
 * <p>A weight named for a category this engine does not score is refused (a model trained for another version);
 * a criterion the model does not name gets weight 0 and is reported by {@link #unweighted()}, so a criterion added
 * after training is scored but ignored until the model is retrained.
 */
public record RankingModel(String version, Map<MatchDirection, Setting> directions, Map<String, Object> training) {

    public static final int FORMAT = 1;
    /** The category of the fused retrieval score, weighed beside each {@link Criterion}. */
    public static final String RETRIEVAL = "retrieval";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One direction's default fusion and category weights. */
    public record Setting(FusionMethod fusion, int rrfK, double vectorWeight, Map<String, Double> weights) {

        public Setting {
            List<String> known = categories();
            for (Map.Entry<String, Double> w : weights.entrySet()) {
                if (!known.contains(w.getKey())) {
                    throw new IllegalArgumentException("weighs '" + w.getKey() + "', which this engine does not score (it scores "
                            + String.join(", ", known) + "): retrain the model");
                }
                if (w.getValue() == null || !(w.getValue() >= 0) || w.getValue().isInfinite()) {
                    throw new IllegalArgumentException("weight of " + w.getKey() + " must be a number ≥ 0");
                }
            }
            if (weights.values().stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw new IllegalArgumentException("every weight is 0");
            }
            if (rrfK < 1 || !(vectorWeight >= 0 && vectorWeight <= 1)) {
                throw new IllegalArgumentException("rrf_k >= 1 and vector_weight in [0, 1]");
            }
            weights = Map.copyOf(weights);
        }

        /** The weight of every category this engine scores, 0 for those the model does not name. */
        public Map<String, Double> categoryWeights() {
            Map<String, Double> out = new LinkedHashMap<>();
            categories().forEach(c -> out.put(c, weights.getOrDefault(c, 0.0)));
            return out;
        }
    }

    public RankingModel {
        if (!directions.keySet().containsAll(List.of(MatchDirection.values()))) {
            throw new IllegalArgumentException("ranking model " + version + " needs a setting for each direction");
        }
        directions = Map.copyOf(directions);
        training = training == null ? Map.of() : Map.copyOf(training);
    }

    public Setting setting(MatchDirection direction) {
        return directions.get(direction);
    }

    /** "retrieval" then every criterion's key: what a model may weigh. */
    public static List<String> categories() {
        List<String> out = new ArrayList<>(List.of(RETRIEVAL));
        Arrays.stream(Criterion.values()).map(Criterion::key).forEach(out::add);
        return out;
    }

    /** Categories this engine scores that the model does not weigh in some direction (0 until a retrain). */
    public List<String> unweighted() {
        Set<String> out = new LinkedHashSet<>();
        directions.values().forEach(s -> categories().stream().filter(c -> !s.weights().containsKey(c)).forEach(out::add));
        return List.copyOf(out);
    }

    /** The shipped model ({@code io/hybridmatch/matching/ranking-model.json}). */
    public static RankingModel bundled() {
        return resource(RankingModel.class, "ranking-model.json");
    }

    /** A model file on the class path, next to {@code owner} (e.g. a baseline model an evaluation compares with). */
    public static RankingModel resource(Class<?> owner, String name) {
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no ranking model " + name + " next to " + owner.getName());
            }
            return read(in.readAllBytes(), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RankingModel load(Path file) {
        try {
            return read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ranking model " + file, e);
        }
    }

    static RankingModel read(byte[] json, String source) {
        JsonNode root = JSON.readTree(json);
        if (root.path("format").asInt(-1) != FORMAT) {
            throw new IllegalArgumentException(source + ": not a ranking model of format " + FORMAT);
        }
        Map<MatchDirection, Setting> directions = new EnumMap<>(MatchDirection.class);
        for (MatchDirection direction : MatchDirection.values()) {
            String name = key(direction);
            JsonNode node = root.path(name);
            if (node.isMissingNode()) {
                throw new IllegalArgumentException(source + ": no setting for " + name);
            }
            try {
                directions.put(direction, setting(node));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ", " + name + ": " + e.getMessage(), e);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> training = root.has("training") ? JSON.convertValue(root.get("training"), Map.class) : Map.of();
        return new RankingModel(root.path("version").asString("unversioned"), directions, training);
    }

    private static Setting setting(JsonNode node) {
        JsonNode fusion = node.path("fusion");
        FusionMethod method;
        try {
            method = FusionMethod.valueOf(fusion.path("method").asString("").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fusion.method must be one of " + Arrays.toString(FusionMethod.values()));
        }
        Map<String, Double> weights = new LinkedHashMap<>();
        node.path("weights").properties().forEach(e -> weights.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null));
        return new Setting(method, fusion.path("rrf_k").asInt(60), fusion.path("vector_weight").asDouble(0.5), weights);
    }

    public void write(Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("version", version);
        for (MatchDirection direction : MatchDirection.values()) {
            Setting s = directions.get(direction);
            Map<String, Object> fusion = new LinkedHashMap<>();
            fusion.put("method", s.fusion().name().toLowerCase(Locale.ROOT));
            fusion.put("rrf_k", s.rrfK());
            fusion.put("vector_weight", s.vectorWeight());
            Map<String, Object> setting = new LinkedHashMap<>();
            setting.put("fusion", fusion);
            setting.put("weights", new TreeMap<>(s.weights()));
            root.put(key(direction), setting);
        }
        root.put("training", training);
        try {
            Files.writeString(file, JSON.writeValueAsString(root) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String key(MatchDirection direction) {
        return direction.name().toLowerCase(Locale.ROOT);
    }
}

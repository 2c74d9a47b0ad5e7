package io.hybridmatch.celery.conformance;

import io.hybridmatch.celery.conformance.ObservationDiff.Difference;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * differences.yaml: the differences from the Python worker that are allowed by design (with the reason) and those
 * known and still open (to be fixed; they are reported without failing the build). Anything else fails. An open
 * entry that no longer matches anything fails too, so the list only shrinks.
 */
record DifferencesPolicy(List<Entry> allowed, List<Entry> open) {

    /**
     * Scenario and path globs ({@code *} is any text, dots and brackets included); backends empty = both.
     * {@code why}: the reason (allowed) or what is missing and who fixes it (open). {@code intermittent}: an open
     * difference that depends on timing, so its absence in one run does not mean it is fixed.
     */
    record Entry(List<String> scenarios, List<String> paths, List<String> backends, String why, boolean intermittent) {

        Entry {
            scenarios = List.copyOf(scenarios);
            paths = paths == null || paths.isEmpty() ? List.of("*") : List.copyOf(paths);
            backends = backends == null ? List.of() : List.copyOf(backends);
        }

        boolean covers(String backend, String scenario) {
            return !globsCovering(backend, scenario).isEmpty();
        }

        /** The entry's scenario globs that name this scenario on this backend. */
        List<String> globsCovering(String backend, String scenario) {
            if (!backends.isEmpty() && !backends.contains(backend)) {
                return List.of();
            }
            return scenarios.stream().filter(glob -> glob(glob).matcher(scenario).matches()).toList();
        }

        /** Whether the entry explains at least one of these differences of this scenario. */
        boolean explainsAny(String backend, String scenario, List<Difference> differences) {
            return differences.stream().anyMatch(d -> matches(backend, scenario, d));
        }

        boolean matches(String backend, String scenario, Difference difference) {
            return covers(backend, scenario) && matchesAny(paths, difference.path());
        }

        @Override
        public String toString() {
            return "scenarios " + scenarios + (paths.equals(List.of("*")) ? "" : ", paths " + paths)
                    + (backends.isEmpty() ? "" : ", backends " + backends) + ": " + why;
        }
    }

    /** One scenario's differences, sorted by the policy. */
    record Verdict(List<Difference> allowed, List<Difference> open, List<Difference> unexplained) {
    }

    static DifferencesPolicy load(String resource) throws IOException {
        try (InputStream in = DifferencesPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException(resource + " not on the class path");
            }
            return YAMLMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build()
                    .readValue(in, DifferencesPolicy.class);
        }
    }

    static DifferencesPolicy none() {
        return new DifferencesPolicy(List.of(), List.of());
    }

    DifferencesPolicy {
        allowed = allowed == null ? List.of() : List.copyOf(allowed);
        open = open == null ? List.of() : List.copyOf(open);
    }

    Verdict judge(String backend, String scenario, List<Difference> differences) {
        List<Difference> byDesign = new ArrayList<>();
        List<Difference> stillOpen = new ArrayList<>();
        List<Difference> unexplained = new ArrayList<>();
        for (Difference d : differences) {
            if (allowed.stream().anyMatch(e -> e.matches(backend, scenario, d))) {
                byDesign.add(d);
            } else if (open.stream().anyMatch(e -> e.matches(backend, scenario, d))) {
                stillOpen.add(d);
            } else {
                unexplained.add(d);
            }
        }
        return new Verdict(byDesign, stillOpen, unexplained);
    }

    private static boolean matchesAny(List<String> globs, String text) {
        return globs.stream().anyMatch(glob -> glob(glob).matcher(text).matches());
    }

    private static Pattern glob(String glob) {
        StringBuilder regex = new StringBuilder();
        for (String part : glob.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}

package io.hybridmatch.matching;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Where the time of one match request goes. Stages ({@value #STAGE}) run one after the other, so their durations
 * add up to the request's; the two retrievers ({@value #RETRIEVER}) run at the same time inside the
 * {@code retrieval} stage, and so does the vector side's {@code prefetch} of its hits' scoring fields, after FAISS
 * on the same thread (kept as a retriever: inside {@code retrieval}, not added to it again). Each is a Micrometer {@link Observation} (a timer with the Spring Boot defaults, a span
 * when a tracer is wired) under the request's own observation, and its duration is also kept here for the
 * response's timings and for the remainder no stage reports. One instance per request; the retrievers may record
 * from other threads.
 */
public final class MatchStages {

    public static final String STAGE = "hybridmatch.match.stage";
    public static final String RETRIEVER = "hybridmatch.match.retriever";

    private final ObservationRegistry registry;
    private final Observation parent;
    private final String direction;
    private final Map<String, Long> nanos = new LinkedHashMap<>();
    private final Set<String> retrievers = new HashSet<>();
    private final Map<String, Open> open = new LinkedHashMap<>();

    private record Open(Observation observation, long start) {
    }

    /**
     * @param parent the request's observation (its spans' parent), or null
     * @param direction low-cardinality tag of every observation, e.g. {@code candidates_for_offer}
     */
    public MatchStages(ObservationRegistry registry, Observation parent, MatchDirection direction) {
        this.registry = registry;
        this.parent = parent;
        this.direction = direction.name().toLowerCase(Locale.ROOT);
    }

    /** Not observed, durations kept: a match outside a web request (tests, benchmarks). */
    public static MatchStages untraced(MatchDirection direction) {
        return new MatchStages(ObservationRegistry.NOOP, null, direction);
    }

    public String direction() {
        return direction;
    }

    /** Runs {@code work} as the stage {@code name}. */
    public <T> T stage(String name, Supplier<T> work) {
        return observe(STAGE, name, work);
    }

    /** Runs {@code work} as the retriever {@code name}, possibly on another thread than the request's. */
    <T> T retriever(String name, Supplier<T> work) {
        synchronized (this) {
            retrievers.add(name);
        }
        return observe(RETRIEVER, name, work);
    }

    /** Starts the stage {@code name}, ended by {@link #stop}: for stages that begin and end in different callbacks. */
    public synchronized void start(String name) {
        Observation observation = observation(STAGE, name).start();
        open.put(name, new Open(observation, System.nanoTime()));
    }

    /** Ends the stage {@code name} if it is running; {@code error} (or null) marks it failed. */
    public void stop(String name, Throwable error) {
        Open stage;
        synchronized (this) {
            stage = open.remove(name);
            if (stage == null) {
                return;
            }
            nanos.merge(name, System.nanoTime() - stage.start(), Long::sum);
        }
        if (error != null) {
            stage.observation().error(error);
        }
        stage.observation().stop();
    }

    /** Ends every stage still running (a request that failed half-way through one). */
    public void stopAll(Throwable error) {
        for (String name : running()) {
            stop(name, error);
        }
    }

    private synchronized List<String> running() {
        return List.copyOf(open.keySet());
    }

    /** The nanoseconds of each finished stage and retriever, in the order they finished. */
    public synchronized Map<String, Long> nanos() {
        return new LinkedHashMap<>(nanos);
    }

    /** The same in milliseconds. */
    public synchronized Map<String, Double> millis() {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((name, n) -> out.put(name, n / 1e6));
        return out;
    }

    /** The sum of the stages' nanoseconds (the retrievers are inside {@code retrieval}, so not added again). */
    public synchronized long stagesNanos() {
        return nanos.entrySet().stream().filter(e -> !retrievers.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
    }

    private <T> T observe(String observationName, String name, Supplier<T> work) {
        Observation observation = observation(observationName, name);
        long start = System.nanoTime();
        try {
            return observation.observe(work);
        } finally {
            long elapsed = System.nanoTime() - start;
            synchronized (this) {
                nanos.merge(name, elapsed, Long::sum);
            }
        }
    }

    private Observation observation(String observationName, String name) {
        return Observation.createNotStarted(observationName, registry).parentObservation(parent)
                .lowCardinalityKeyValue(STAGE.equals(observationName) ? "stage" : "retriever", name)
                .lowCardinalityKeyValue("direction", direction);
    }
}

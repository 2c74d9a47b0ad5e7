package io.hybridmatch.bench.latency;

import io.hybridmatch.eval.DataSetGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The evaluation's generated FR/EN profiles in any number, made in chunks so that a million never sit in memory at
 * once: chunk {@code c} comes from seed {@code c} and its candidates are numbered after the previous chunks'.
 * The same {@code total} gives the same candidates on every run.
 */
public final class GeneratedProfiles {

    private static final int PER_OCCUPATION = 500;

    private GeneratedProfiles() {
    }

    /** Hands {@code total} candidates ({@code candidate_id} 1..total) to {@code sink} in chunks of a few thousand. */
    public static void candidates(int total, Consumer<List<Map<String, Object>>> sink) {
        long next = 1;
        for (int chunk = 0; next <= total; chunk++) {
            List<Map<String, Object>> generated = new DataSetGenerator(1_000 + chunk).generate(PER_OCCUPATION, 0).candidates();
            List<Map<String, Object>> out = new ArrayList<>(generated.size());
            for (Map<String, Object> candidate : generated) {
                if (next > total) {
                    break;
                }
                candidate.put("candidate_id", next++);
                out.add(candidate);
            }
            sink.accept(out);
        }
    }

    /** About {@code perOccupation} offers of each occupation, {@code job_offer_id} from 1. */
    public static List<Map<String, Object>> offers(int perOccupation) {
        return new DataSetGenerator(7).generate(0, perOccupation).offers();
    }
}

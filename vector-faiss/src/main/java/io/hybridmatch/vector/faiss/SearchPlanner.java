package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * How a query runs on the index: unfiltered, a graph or list walk that skips tombstones; under a selective filter
 * (at most {@link FaissStoreTuning#exactFilterLimit()} allowed ids), exact scoring of just those vectors, which
 * never misses a hit; under a wider filter, a walk widened by the inverse of the share of labels the filter passes,
 * since about that share of the explored candidates survive it. Callers hold the store's read lock.
 */
final class SearchPlanner {

    private static final int MAX_EF_SEARCH = 4_096;
    private static final int DEFAULT_EF_SEARCH = 16;
    private static final int DEFAULT_NPROBE = 1;

    private final FaissIndexSpec spec;
    private final FaissStoreTuning tuning;

    SearchPlanner(FaissIndexSpec spec, FaissStoreTuning tuning) {
        this.spec = spec;
        this.tuning = tuning;
    }

    /** The HNSW candidate queue of an unfiltered search (kept on the index: FAISS 1.7.3 caps searches at it). */
    int defaultEfSearch() {
        return spec.efSearch() > 0 ? spec.efSearch() : DEFAULT_EF_SEARCH;
    }

    List<VectorHit> search(FaissIndex index, LabelMap labels, VectorQuery query) {
        if (labels.liveCount() == 0) {
            return List.of();
        }
        if (!query.filtered()) {
            byte[] selected = labels.tombstones() == 0 ? null : labels.liveBitmap();
            return walk(index, labels, query.vector(), query.k(), selected, labels.liveCount());
        }
        long[] allowed = Arrays.stream(query.allowedIds()).map(labels::labelOf).filter(label -> label >= 0)
                .distinct().toArray();
        if (allowed.length == 0) {
            return List.of();
        }
        if (allowed.length <= tuning.exactFilterLimit()) {
            return exact(index, labels, query.vector(), query.k(), allowed);
        }
        BitSet selected = new BitSet(labels.labelCount());
        Arrays.stream(allowed).forEach(label -> selected.set((int) label));
        return walk(index, labels, query.vector(), query.k(), selected.toByteArray(), allowed.length);
    }

    /** FAISS search; {@code candidates} = how many labels may match, which widens the search when few do. */
    private List<VectorHit> walk(FaissIndex index, LabelMap labels, float[] query, int k, byte[] selected,
                                 int candidates) {
        int wanted = Math.min(k, candidates);
        double share = (double) candidates / labels.labelCount();
        int efSearch = Math.max(defaultEfSearch(), wanted);
        int nprobe = spec.nprobe() > 0 ? spec.nprobe() : DEFAULT_NPROBE;
        if (share < 1) {
            efSearch = (int) Math.min(MAX_EF_SEARCH, Math.ceil(efSearch / share));
            nprobe = (int) Math.min(spec.ivfLists().orElse(nprobe), Math.ceil(nprobe / share));
        }
        FaissIndex.SearchResult result = index.search(query, wanted, selected, efSearch, nprobe);
        List<VectorHit> hits = new ArrayList<>(wanted);
        for (int i = 0; i < wanted; i++) {
            long label = result.labels()[i];
            if (label >= 0) {
                hits.add(new VectorHit(labels.idOf(label), result.scores()[i]));
            }
        }
        return hits;
    }

    private List<VectorHit> exact(FaissIndex index, LabelMap labels, float[] query, int k, long[] allowed) {
        float[] scores = index.score(query, allowed);
        List<VectorHit> hits = new ArrayList<>(allowed.length);
        for (int i = 0; i < allowed.length; i++) {
            hits.add(new VectorHit(labels.idOf(allowed[i]), scores[i]));
        }
        Comparator<VectorHit> byScore = Comparator.comparingDouble(VectorHit::score);
        hits.sort((spec.metric().higherIsBetter() ? byScore.reversed() : byScore).thenComparingLong(VectorHit::id));
        return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
    }
}

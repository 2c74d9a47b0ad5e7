// The C++ side of the FAISS binding: the few operations the store needs, as free functions over faiss::Index.
// Kept in C++ (not mapped class by class to Java) because search parameters and id selectors are stack objects whose
// type depends on the index type; building them here keeps their lifetime inside one call and away from Java's GC.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <omp.h>

#include <faiss/Index.h>
#include <faiss/IndexHNSW.h>
#include <faiss/IndexIVF.h>
#include <faiss/impl/FaissException.h>
#include <faiss/impl/IDSelector.h>
#include <faiss/index_factory.h>
#include <faiss/index_io.h>
#include <faiss/utils/distances.h>

namespace hybridmatch {

using idx_t = faiss::Index::idx_t;

// metric codes shared with Java: 0 = inner product, 1 = L2 (FAISS's own MetricType values)
inline faiss::Index* create_index(int dimension, const char* description, int metric) {
    return faiss::index_factory(dimension, description, static_cast<faiss::MetricType>(metric));
}

inline faiss::Index* read_index(const char* path) {
    return faiss::read_index(path);
}

inline void write_index(const faiss::Index* index, const char* path) {
    faiss::write_index(index, path);
}

inline void free_index(faiss::Index* index) {
    delete index;
}

inline int64_t ntotal(const faiss::Index* index) { return index->ntotal; }
inline int dimension(const faiss::Index* index) { return index->d; }
inline int metric(const faiss::Index* index) { return static_cast<int>(index->metric_type); }
inline bool is_trained(const faiss::Index* index) { return index->is_trained; }

inline void train(faiss::Index* index, int64_t n, const float* vectors) {
    index->train(n, vectors);
}

inline void add(faiss::Index* index, int64_t n, const float* vectors) {
    index->add(n, vectors);
}

inline void add_with_ids(faiss::Index* index, int64_t n, const float* vectors, const idx_t* ids) {
    index->add_with_ids(n, vectors, ids);
}

inline int64_t remove_ids(faiss::Index* index, int64_t n, const idx_t* ids) {
    faiss::IDSelectorBatch selector(n, ids);
    return index->remove_ids(selector);
}

// IVF indexes can only reconstruct a vector from its label once they keep a direct map (labels -> list offsets).
inline void enable_reconstruct(faiss::Index* index) {
    if (auto ivf = dynamic_cast<faiss::IndexIVF*>(index)) {
        ivf->make_direct_map(true);
    }
}

inline void reconstruct_n(const faiss::Index* index, int64_t first, int64_t n, float* out) {
    index->reconstruct_n(first, n, out);
}

// FAISS 1.7.3's HNSW sizes its candidate queue from the index's own efSearch and reads SearchParametersHNSW's value
// only to stop, so a per-search efSearch above the index's own is capped in effect: set the breadth on the index too.
inline void set_hnsw_ef_search(faiss::Index* index, int ef_search) {
    if (auto hnsw = dynamic_cast<faiss::IndexHNSW*>(index)) {
        hnsw->hnsw.efSearch = ef_search;
    }
}

// selected: optional bitmap over labels (bit i of byte i/8 set = label i may be returned); ef_search / nprobe <= 0 keep
// the index's own setting.
inline void search(const faiss::Index* index, int64_t n, const float* queries, int64_t k, float* scores, idx_t* labels,
                   const uint8_t* selected, int64_t selected_bytes, int ef_search, int nprobe) {
    std::unique_ptr<faiss::IDSelectorBitmap> selector;
    if (selected != nullptr) {
        selector.reset(new faiss::IDSelectorBitmap(selected_bytes, selected));
    }
    if (auto hnsw = dynamic_cast<const faiss::IndexHNSW*>(index)) {
        faiss::SearchParametersHNSW params;
        params.sel = selector.get();
        params.efSearch = ef_search > 0 ? ef_search : hnsw->hnsw.efSearch;
        index->search(n, queries, k, scores, labels, &params);
    } else if (auto ivf = dynamic_cast<const faiss::IndexIVF*>(index)) {
        faiss::SearchParametersIVF params;
        params.sel = selector.get();
        params.nprobe = nprobe > 0 ? nprobe : ivf->nprobe;
        index->search(n, queries, k, scores, labels, &params);
    } else if (selector) {
        faiss::SearchParameters params;
        params.sel = selector.get();
        index->search(n, queries, k, scores, labels, &params);
    } else {
        index->search(n, queries, k, scores, labels);
    }
}

// Exact metric values of one query against the stored vectors of the given labels: used for selective filters, where an
// approximate graph walk restricted to a few allowed labels may never reach them.
inline void score_labels(const faiss::Index* index, const float* query, int64_t n, const idx_t* labels, float* out) {
    std::vector<float> stored(index->d);
    const bool inner_product = index->metric_type == faiss::METRIC_INNER_PRODUCT;
    for (int64_t i = 0; i < n; i++) {
        index->reconstruct(labels[i], stored.data());
        out[i] = inner_product ? faiss::fvec_inner_product(query, stored.data(), index->d)
                               : faiss::fvec_L2sqr(query, stored.data(), index->d);
    }
}

inline void set_threads(int threads) { omp_set_num_threads(threads); }
inline int max_threads() { return omp_get_max_threads(); }

}  // namespace hybridmatch

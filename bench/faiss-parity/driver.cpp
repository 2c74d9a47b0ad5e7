// The C++ half of bench/faiss-parity/run: the index file and queries FaissParity prepared, searched one query per
// call straight through FAISS's C++ API (the library the Java binding links), with the same HNSW efSearch.
// Usage: driver <dir> <k> <efSearch> <repeats>. Writes <dir>/cpp.labels (int64) and <dir>/cpp.scores (float32);
// prints {"queries": n, "cpp_seconds": median seconds per pass} after one warm-up pass.
#include <faiss/IndexHNSW.h>
#include <faiss/index_io.h>
#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: %s <dir> <k> <efSearch> <repeats>\n", argv[0]);
        return 2;
    }
    const std::string dir = argv[1];
    const int k = std::stoi(argv[2]), ef_search = std::stoi(argv[3]), repeats = std::stoi(argv[4]);
    omp_set_num_threads(1);  // as the Java side: one query per call, no OpenMP team

    std::unique_ptr<faiss::Index> index(faiss::read_index((dir + "/index.faiss").c_str()));
    auto* hnsw = dynamic_cast<faiss::IndexHNSW*>(index.get());
    if (hnsw == nullptr) {
        std::fprintf(stderr, "not an HNSW index\n");
        return 1;
    }
    hnsw->hnsw.efSearch = ef_search;  // 1.7.3 caps a search's breadth at the index's own
    faiss::SearchParametersHNSW params;
    params.efSearch = ef_search;

    std::ifstream in(dir + "/queries.f32", std::ios::binary);
    std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t d = index->d, n = bytes.size() / sizeof(float) / d;
    std::vector<float> queries(n * d);
    std::copy(bytes.begin(), bytes.end(), reinterpret_cast<char*>(queries.data()));

    std::vector<faiss::Index::idx_t> labels(n * k);
    std::vector<float> scores(n * k);
    auto pass = [&] {
        auto start = std::chrono::steady_clock::now();
        for (size_t q = 0; q < n; q++) {
            index->search(1, &queries[q * d], k, &scores[q * k], &labels[q * k], &params);
        }
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    };
    pass();
    std::vector<double> seconds;
    for (int r = 0; r < repeats; r++) {
        seconds.push_back(pass());
    }
    std::sort(seconds.begin(), seconds.end());

    std::ofstream(dir + "/cpp.labels", std::ios::binary)
            .write(reinterpret_cast<const char*>(labels.data()), labels.size() * sizeof(faiss::Index::idx_t));
    std::ofstream(dir + "/cpp.scores", std::ios::binary)
            .write(reinterpret_cast<const char*>(scores.data()), scores.size() * sizeof(float));
    std::printf("{\"queries\": %zu, \"cpp_seconds\": %.6f}\n", n, seconds[seconds.size() / 2]);
    return 0;
}

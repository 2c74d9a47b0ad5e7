package io.hybridmatch.vector.faiss.binding;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.annotation.Cast;
import org.bytedeco.javacpp.annotation.Const;
import org.bytedeco.javacpp.annotation.Namespace;
import org.bytedeco.javacpp.annotation.Opaque;
import org.bytedeco.javacpp.annotation.Platform;

/**
 * JavaCPP peer of {@code hybridmatch_faiss.h}: FAISS 1.7.3's C++ API, compiled against the library that
 * {@code native/build-faiss.sh} prepares (Debian's source built with AVX2, or Debian's static library).
 *
 * <p>Raw and unchecked: a C++ exception becomes a {@link RuntimeException} carrying FAISS's message, and
 * nothing here owns memory. Use {@link io.hybridmatch.vector.faiss.FaissIndex}, which does.
 * Labels are FAISS's int64 ids; a bitmap selects label {@code i} when bit {@code i % 8} of byte {@code i / 8} is set.
 */
// JavaCPP passes link libraries in reverse order: -lfaiss -lopenblas -lgomp, as a static libfaiss.a needs.
@Platform(include = "hybridmatch_faiss.h", link = {"gomp", "openblas", "faiss"})
@Namespace("hybridmatch")
public final class FaissNative {

    static {
        Loader.load();
    }

    private FaissNative() {
    }

    /** An owned {@code faiss::Index*}; freed with {@link #free_index}. */
    @Opaque
    @Namespace("::faiss")
    @org.bytedeco.javacpp.annotation.Name("Index")
    public static final class IndexPointer extends Pointer {
        public IndexPointer(Pointer pointer) {
            super(pointer);
        }
    }

    public static native IndexPointer create_index(int dimension, String description, int metric);

    public static native IndexPointer read_index(String path);

    public static native void write_index(@Const IndexPointer index, String path);

    public static native void free_index(IndexPointer index);

    public static native long ntotal(@Const IndexPointer index);

    public static native int dimension(@Const IndexPointer index);

    public static native int metric(@Const IndexPointer index);

    public static native @Cast("bool") boolean is_trained(@Const IndexPointer index);

    public static native void train(IndexPointer index, long n, @Const float[] vectors);

    public static native void add(IndexPointer index, long n, @Const float[] vectors);

    public static native void add_with_ids(IndexPointer index, long n, @Const float[] vectors,
                                           @Cast("const hybridmatch::idx_t*") long[] ids);

    public static native long remove_ids(IndexPointer index, long n, @Cast("const hybridmatch::idx_t*") long[] ids);

    public static native void enable_reconstruct(IndexPointer index);

    public static native void set_hnsw_ef_search(IndexPointer index, int efSearch);

    public static native void reconstruct_n(@Const IndexPointer index, long first, long n, float[] out);

    public static native void search(@Const IndexPointer index, long n, @Const float[] queries, long k, float[] scores,
                                     @Cast("hybridmatch::idx_t*") long[] labels,
                                     @Cast("const uint8_t*") byte[] selected, long selectedBytes,
                                     int efSearch, int nprobe);

    public static native void score_labels(@Const IndexPointer index, @Const float[] query, long n,
                                           @Cast("const hybridmatch::idx_t*") long[] labels, float[] out);

    public static native void set_threads(int threads);

    public static native int max_threads();
}

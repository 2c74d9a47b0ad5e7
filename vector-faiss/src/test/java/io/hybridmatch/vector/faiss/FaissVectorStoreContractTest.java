package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreContract;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;

/** The vector-store contract on the real FAISS library, for each index type the engine can be configured with. */
class FaissVectorStoreContractTest {

    /** Small thresholds so compaction and IVF training happen within a few hundred vectors. */
    private static final FaissStoreTuning TUNING = new FaissStoreTuning(0.2, 20, 50, 10, 64L << 20);

    abstract static class OnFactory extends VectorStoreContract {

        private final String factory;

        OnFactory(String factory) {
            this.factory = factory;
        }

        private FaissIndexSpec spec(String name, Metric metric) {
            return new FaissIndexSpec(name, D, metric, factory, 128, 8);
        }

        @Override
        protected VectorStore open(String name, Metric metric) {
            return FaissVectorStore.open(dir.resolve(name), spec(name, metric), TUNING);
        }

        @Override
        protected VectorStore restore(Path backup, String name, Metric metric) {
            FaissVectorStore.restore(backup, dir.resolve(name));
            return open(name, metric);
        }
    }

    @Nested
    class Hnsw extends OnFactory {
        Hnsw() {
            super("HNSW32,Flat");
        }
    }

    @Nested
    class Ivf extends OnFactory {
        Ivf() {
            super("IVF8,Flat");
        }
    }

    @Nested
    class Flat extends OnFactory {
        Flat() {
            super("Flat");
        }
    }
}

package io.hybridmatch.vector.faiss;

import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Opens one {@link FaissVectorStore} per entity, each in {@code dataDir/<name>}. */
public final class FaissVectorStores {

    private FaissVectorStores() {
    }

    public static VectorStoreRegistry open(Path dataDir, List<FaissIndexSpec> specs) {
        return open(dataDir, specs, FaissStoreTuning.defaults());
    }

    public static VectorStoreRegistry open(Path dataDir, List<FaissIndexSpec> specs, FaissStoreTuning tuning) {
        Map<String, VectorStore> stores = new LinkedHashMap<>();
        try {
            for (FaissIndexSpec spec : specs) {
                if (stores.containsKey(spec.name())) {
                    throw new IllegalArgumentException("two vector indexes are named '" + spec.name() + "'");
                }
                stores.put(spec.name(), FaissVectorStore.open(dataDir.resolve(spec.name()), spec, tuning));
            }
            return VectorStoreRegistry.of(stores);
        } catch (RuntimeException e) {
            stores.values().forEach(VectorStore::close);
            throw e;
        }
    }
}

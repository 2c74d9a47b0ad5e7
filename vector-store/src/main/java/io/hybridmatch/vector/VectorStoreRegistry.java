package io.hybridmatch.vector;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The stores of a deployment by entity name ("candidates", "job_offers"). */
public interface VectorStoreRegistry extends AutoCloseable {

    Optional<VectorStore> find(String name);

    Set<String> names();

    @Override
    void close();

    static VectorStoreRegistry of(Map<String, VectorStore> stores) {
        Map<String, VectorStore> copy = Map.copyOf(stores);
        return new VectorStoreRegistry() {
            @Override
            public Optional<VectorStore> find(String name) {
                return Optional.ofNullable(copy.get(name));
            }

            @Override
            public Set<String> names() {
                return copy.keySet();
            }

            @Override
            public void close() {
                copy.values().forEach(VectorStore::close);
            }
        };
    }
}

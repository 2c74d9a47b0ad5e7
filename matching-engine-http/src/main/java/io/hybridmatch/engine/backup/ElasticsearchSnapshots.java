package io.hybridmatch.engine.backup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.snapshot.SnapshotInfo;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Elasticsearch half of backups: snapshots of the engine's indexes (with their aliases) in an {@code fs}
 * repository, and their restore in place of the current indexes.
 */
final class ElasticsearchSnapshots {

    private final ElasticsearchClient es;
    private final String repository;
    private final String location;

    ElasticsearchSnapshots(ElasticsearchClient es, String repository, String location) {
        this.es = es;
        this.repository = repository;
        this.location = location;
    }

    /** Snapshots the concrete indexes behind these names (aliases or indexes); returns live documents per index. */
    Map<String, Long> snapshot(String snapshot, List<String> names) throws IOException {
        ensureRepository();
        List<String> indices = concreteIndices(names);
        SnapshotInfo info = es.snapshot().create(c -> c.repository(repository).snapshot(snapshot).indices(indices)
                .includeGlobalState(false).waitForCompletion(true)).snapshot();
        if (info == null || !"SUCCESS".equals(info.state())) {
            throw new IllegalStateException("Elasticsearch snapshot " + snapshot + " did not succeed: "
                    + (info == null ? "no answer" : info.state() + " " + info.failures()));
        }
        Map<String, Long> documents = new LinkedHashMap<>();
        for (String index : indices) {
            documents.put(index, es.count(c -> c.index(index)).count());
        }
        return documents;
    }

    /**
     * Replaces the indexes the snapshot holds by their snapshotted state (aliases included). The current ones are
     * first snapshotted as {@code safetySnapshot}, so nothing indexed is lost by restoring the wrong backup.
     */
    void restore(String snapshot, List<String> indices, String safetySnapshot) throws IOException {
        ensureRepository();
        List<String> existing = indices.stream().filter(this::exists).toList();
        if (!existing.isEmpty()) {
            snapshot(safetySnapshot, existing);
            es.indices().delete(d -> d.index(existing));
        }
        var restored = es.snapshot().restore(r -> r.repository(repository).snapshot(snapshot).indices(indices)
                .includeAliases(true).includeGlobalState(false).waitForCompletion(true)).snapshot();
        if (restored == null || restored.shards().failed().intValue() > 0) {
            throw new IllegalStateException("Elasticsearch restore of " + snapshot + " failed"
                    + (restored == null ? "" : ": " + restored.shards().failed() + " shards failed"));
        }
        es.cluster().health(h -> h.index(indices).waitForStatus(co.elastic.clients.elasticsearch._types.HealthStatus.Yellow));
    }

    private void ensureRepository() throws IOException {
        es.snapshot().createRepository(r -> r.name(repository)
                .repository(repo -> repo.fs(fs -> fs.settings(s -> s.location(location)))));
    }

    private boolean exists(String index) {
        try {
            return es.indices().exists(e -> e.index(index)).value();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private List<String> concreteIndices(List<String> names) throws IOException {
        return List.copyOf(es.indices().get(g -> g.index(names)).result().keySet());
    }
}

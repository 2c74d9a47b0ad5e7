package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.indices.ElasticsearchIndicesClient;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;

/** Makes one versioned index, its template and its alias exist, without touching what is there. */
final class IndexBootstrap {

    /**
     * How long a deleted document's version stays known (Elasticsearch's {@code index.gc_deletes}, 60 s by default).
     * A versioned delete only refuses an older index task that arrives within this time; a task held back by the
     * worker's retries (a day by default, {@code hybridmatch.indexing.retry.horizon}) or a queue backlog must still
     * find the tombstone: two days.
     */
    static final String DELETE_TOMBSTONE_RETENTION = "2d";

    private final ElasticsearchIndicesClient indices;

    IndexBootstrap(ElasticsearchClient client) {
        this.indices = client.indices();
    }

    /**
     * Returns the mode the index was built with: an existing index keeps its own; a new one gets
     * {@code modeForNewIndex}.
     */
    TextAnalysisMode ensure(SearchIndex index, TextAnalysisMode modeForNewIndex) throws IOException {
        Optional<TextAnalysisMode> existing = existingMode(index);
        putTemplate(index, existing.orElse(modeForNewIndex));
        if (existing.isEmpty()) {
            createIndex(index);
        } else {
            addNewFields(index, existing.get());
            keepDeleteTombstones(index);
        }
        ensureAlias(index);
        // Read back: another instance starting at the same time may have created the index first.
        return existingMode(index).orElseThrow();
    }

    private Optional<TextAnalysisMode> existingMode(SearchIndex index) throws IOException {
        String name = index.versionedName();
        if (!indices.exists(request -> request.index(name)).value()) {
            return Optional.empty();
        }
        var mapping = indices.getMapping(request -> request.index(name)).result().get(name).mappings();
        return Optional.of(IndexMappings.modeOf(name, mapping));
    }

    // The template carries mapping and alias, so an index of this version created by any means gets both.
    private void putTemplate(SearchIndex index, TextAnalysisMode mode) throws IOException {
        indices.putIndexTemplate(request -> request
                .name(index.versionedName())
                .indexPatterns(index.versionedName())
                .version((long) SearchIndex.SCHEMA_VERSION)
                .template(template -> template
                        .settings(settings -> settings.gcDeletes(t -> t.time(DELETE_TOMBSTONE_RETENTION)))
                        .mappings(IndexMappings.of(index, mode))
                        .aliases(index.alias(), alias -> alias)));
    }

    // Fields added to the schema since the index was created are added to its mapping (an additive change needs no
    // new version); a changed field type is refused by Elasticsearch, which means the version must be bumped.
    private void addNewFields(SearchIndex index, TextAnalysisMode mode) throws IOException {
        indices.putMapping(request -> request.index(index.versionedName())
                .properties(IndexMappings.of(index, mode).properties()));
    }

    // An index created before the template carried the setting gets it too (a dynamic setting).
    private void keepDeleteTombstones(SearchIndex index) throws IOException {
        indices.putSettings(request -> request.index(index.versionedName())
                .settings(settings -> settings.gcDeletes(t -> t.time(DELETE_TOMBSTONE_RETENTION))));
    }

    private void createIndex(SearchIndex index) throws IOException {
        try {
            indices.create(request -> request.index(index.versionedName()));
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        }
    }

    private void ensureAlias(SearchIndex index) throws IOException {
        if (!indices.existsAlias(request -> request.name(index.alias())).value()) {
            indices.putAlias(request -> request.index(index.versionedName()).name(index.alias()));
            return;
        }
        Set<String> targets = indices.getAlias(request -> request.name(index.alias())).result().keySet();
        if (!targets.equals(Set.of(index.versionedName()))) {
            throw new IllegalStateException("alias " + index.alias() + " points to " + targets + ", not "
                    + index.versionedName() + ": reindex into the new version and move the alias first");
        }
    }
}

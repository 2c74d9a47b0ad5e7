package io.hybridmatch.indexing.consistency;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.VectorStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Elasticsearch and the vector store must hold the same ids per entity. {@link #check} lists the differences;
 * {@link #repair} re-indexes documents whose vector is missing (from their Elasticsearch source, through the
 * indexing pipeline, at their own version) and deletes vectors without a document, reporting progress as it goes.
 */
public final class IndexConsistency {

    private static final int PAGE = 1_000;
    private static final int SAMPLE = 100;

    public record Report(String index, long documents, long vectors, long missingVectors, long orphanVectors,
                         List<Long> missingSample, List<Long> orphanSample) {
    }

    public record Progress(String phase, long done, long total) {
    }

    private final ElasticsearchClient es;
    private final DocumentIndexer indexer;
    private final DocumentScan scan;

    public IndexConsistency(ElasticsearchClient es, DocumentIndexer indexer) {
        this.es = es;
        this.indexer = indexer;
        this.scan = new DocumentScan(es);
    }

    /** Ids in Elasticsearch without a vector, and vectors without a document, both sorted. */
    private record Differences(long documents, long vectors, List<Long> missing, List<Long> orphans) {
    }

    public Report check(SearchIndex index, VectorStore store) {
        Differences d = differences(index, store);
        return new Report(index.alias(), d.documents(), d.vectors(), d.missing().size(), d.orphans().size(),
                d.missing().subList(0, Math.min(SAMPLE, d.missing().size())),
                d.orphans().subList(0, Math.min(SAMPLE, d.orphans().size())));
    }

    public Report repair(SearchIndex index, VectorStore store, Consumer<Progress> progress) {
        Differences d = differences(index, store);
        for (int i = 0; i < d.missing().size(); i += PAGE) {
            List<Long> batch = d.missing().subList(i, Math.min(d.missing().size(), i + PAGE));
            indexer.indexAll(index, sources(index, batch));
            progress.accept(new Progress("reindex", i + batch.size(), d.missing().size()));
        }
        if (!d.orphans().isEmpty()) {
            store.delete(d.orphans());
            progress.accept(new Progress("delete_orphans", d.orphans().size(), d.orphans().size()));
        }
        return check(index, store);
    }

    private Differences differences(SearchIndex index, VectorStore store) {
        Set<Long> documents = documentIds(index);
        Set<Long> vectors = new HashSet<>();
        store.ids().forEach(vectors::add);
        return new Differences(documents.size(), vectors.size(),
                documents.stream().filter(id -> !vectors.contains(id)).sorted().toList(),
                vectors.stream().filter(id -> !documents.contains(id)).sorted().toList());
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> sources(SearchIndex index, List<Long> ids) {
        try {
            var response = es.mget(m -> m.index(index.alias()).ids(ids.stream().map(String::valueOf).toList()), Map.class);
            List<Map<String, Object>> out = new ArrayList<>();
            response.docs().forEach(doc -> {
                if (doc.isResult() && doc.result().found()) {
                    Map<String, Object> source = new LinkedHashMap<>(doc.result().source());
                    source.put(index.idField(), Long.parseLong(doc.result().id()));
                    out.add(source);
                }
            });
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Set<Long> documentIds(SearchIndex index) {
        Set<Long> ids = new HashSet<>();
        scan.forEach(index, document -> ids.add(document.id()));
        return ids;
    }
}

package io.hybridmatch.eval;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.indexing.NearestSkillByEmbedding;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.matching.RankingModel;
import io.hybridmatch.normalization.DocumentNormalizer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.Metric;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.faiss.FaissIndexSpec;
import io.hybridmatch.vector.faiss.FaissVectorStores;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * A labelled set indexed alone through the real pipeline (normalisation, MiniLM, Elasticsearch, FAISS HNSW): the
 * node's {@code candidates}/{@code job_offers} indexes are deleted and created again first, so give it a test cluster.
 */
final class IndexedSet implements AutoCloseable {

    private final VectorStoreRegistry vectors;
    private final HybridMatcher matcher;

    IndexedSet(ElasticsearchClient es, TextEmbedder embedder, Path vectorDir, LabelledSet set) throws IOException {
        SearchIndexes indexes = SearchIndexes.recreate(es);
        vectors = FaissVectorStores.open(vectorDir, List.of(
                new FaissIndexSpec(SearchIndex.CANDIDATES.alias(), embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 128, 0),
                new FaissIndexSpec(SearchIndex.JOB_OFFERS.alias(), embedder.dimension(), Metric.INNER_PRODUCT, "HNSW32,Flat", 128, 0)));
        DocumentNormalizer normalizer = NearestSkillByEmbedding.normalizer(embedder); // as the worker and the engine
        DocumentIndexer indexer = new DocumentIndexer(es, indexes, embedder, vectors, normalizer, Clock.systemUTC());
        for (int i = 0; i < set.candidates().size(); i += 200) {
            indexer.indexAll(SearchIndex.CANDIDATES, set.candidates().subList(i, Math.min(set.candidates().size(), i + 200)));
        }
        indexer.indexAll(SearchIndex.JOB_OFFERS, set.offers());
        es.indices().refresh(r -> r.index(SearchIndex.CANDIDATES.alias(), SearchIndex.JOB_OFFERS.alias()));
        matcher = new HybridMatcher(es, indexes, embedder, vectors, normalizer, RankingModel.bundled(), Map.of());
    }

    HybridMatcher matcher() {
        return matcher;
    }

    @Override
    public void close() throws IOException {
        vectors.close();
    }
}

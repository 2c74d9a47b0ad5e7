package io.hybridmatch.engine.demo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo candidates and offers from the contracts samples through the same indexing pipeline the worker
 * runs (normalise, Elasticsearch, embed, vectors), so a fresh {@code bin/run} has something to match. Loading again
 * is idempotent (same {@code updated_at} versions).
 */
@Component
@ConditionalOnBooleanProperty("hybridmatch.demo.enabled")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final TypeReference<List<Map<String, Object>>> RECORDS = new TypeReference<>() {
    };

    private final DocumentIndexer indexer;
    private final ElasticsearchClient elasticsearch;

    DemoDataLoader(DocumentIndexer indexer, ElasticsearchClient elasticsearch) {
        this.indexer = indexer;
        this.elasticsearch = elasticsearch;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        load(SearchIndex.CANDIDATES, "contracts/samples/demo-candidates.json");
        load(SearchIndex.JOB_OFFERS, "contracts/samples/demo-job-offers.json");
        elasticsearch.indices().refresh(r -> r.index(SearchIndex.CANDIDATES.alias(), SearchIndex.JOB_OFFERS.alias()));
    }

    private void load(SearchIndex index, String resource) {
        List<Map<String, Object>> records = read(resource);
        long indexed = indexer.indexAll(index, records).stream().filter(o -> o.status().equals("indexed")).count();
        log.info("Demo data: {} of {} {} indexed (Elasticsearch and vectors)", indexed, records.size(), index.alias());
    }

    private List<Map<String, Object>> read(String resource) {
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(resource), resource)) {
            return JsonMapper.builder().build().readValue(in, RECORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

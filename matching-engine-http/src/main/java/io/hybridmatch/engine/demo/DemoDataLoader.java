package io.hybridmatch.engine.demo;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.search.elasticsearch.IndexedDocument;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the demo candidates and offers from the contracts samples into Elasticsearch and the vector stores, so a
 * fresh {@code bin/run} has something to search. Loading again replaces the same ids.
 */
@Component
@ConditionalOnBooleanProperty("hybridmatch.demo.enabled")
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final TypeReference<List<Map<String, Object>>> RECORDS = new TypeReference<>() {
    };

    private final TextEmbedder embedder;
    private final VectorStoreRegistry vectorStores;
    private final ElasticsearchClient elasticsearch;
    private final SearchIndexes searchIndexes;
    private final JsonMapper json = JsonMapper.builder().build();

    DemoDataLoader(TextEmbedder embedder, VectorStoreRegistry vectorStores, ElasticsearchClient elasticsearch,
                   SearchIndexes searchIndexes) {
        this.embedder = embedder;
        this.vectorStores = vectorStores;
        this.elasticsearch = elasticsearch;
        this.searchIndexes = searchIndexes;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        load(SearchIndex.CANDIDATES, "contracts/samples/demo-candidates.json", "headline", "summary", "skills");
        load(SearchIndex.JOB_OFFERS, "contracts/samples/demo-job-offers.json", "title", "description", "required_skills");
    }

    private void load(SearchIndex index, String resource, String titleField, String textField, String skillsField)
            throws IOException {
        List<Map<String, Object>> records = read(resource);
        List<String> texts = records.stream().map(r -> describe(r, titleField, textField, skillsField)).toList();
        List<float[]> vectors = embedder.embed(texts);
        List<VectorRecord> items = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            items.add(new VectorRecord(((Number) records.get(i).get(index.idField())).longValue(), vectors.get(i)));
        }
        VectorStore store = vectorStores.find(index.alias()).orElseThrow();
        store.upsert(items);

        List<IndexedDocument> documents = records.stream().map(searchIndexes.documentBuilder(index)::build).toList();
        BulkResponse response = elasticsearch.bulk(bulk -> {
            bulk.index(index.alias()).refresh(Refresh.WaitFor);
            documents.forEach(doc -> bulk.operations(op -> op.index(i -> i.id(doc.id()).document(doc.source()))));
            return bulk;
        });
        if (response.errors()) {
            throw new IllegalStateException("demo " + index.alias() + " bulk had errors: " + response.items().stream()
                    .map(item -> item.error()).filter(Objects::nonNull).map(Object::toString)
                    .collect(Collectors.joining("; ")));
        }
        log.info("Demo data: {} {} in Elasticsearch and in the vector store ({} live vectors)",
                records.size(), index.alias(), store.size());
    }

    /** One text per document: title, body and skills, the parts a recruiter reads first. */
    private static String describe(Map<String, Object> record, String titleField, String textField, String skillsField) {
        Object skills = record.get(skillsField);
        String skillList = skills instanceof List<?> list
                ? list.stream().map(Object::toString).collect(Collectors.joining(", ")) : "";
        return Stream.of(String.valueOf(record.get(titleField)), String.valueOf(record.get(textField)), skillList)
                .filter(part -> !part.isBlank())
                .collect(Collectors.joining(". "));
    }

    private List<Map<String, Object>> read(String resource) {
        try (InputStream in = Objects.requireNonNull(getClass().getClassLoader().getResourceAsStream(resource), resource)) {
            return json.readValue(in, RECORDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

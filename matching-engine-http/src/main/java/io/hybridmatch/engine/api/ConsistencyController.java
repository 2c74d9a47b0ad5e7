package io.hybridmatch.engine.api;

import io.hybridmatch.indexing.consistency.DocumentScan;
import io.hybridmatch.indexing.consistency.IndexConsistency;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * Index consistency: Elasticsearch vs vector ids per entity ({@code GET}), and the repair ({@code POST .../repair}),
 * which streams its progress as JSON lines (one per batch, then the final report) for {@code bin/repair}; the
 * documents Elasticsearch holds with their versions ({@code GET .../documents}), which a client compares with its
 * own database (the Django package's {@code hybridmatch_check}).
 */
@RestController
@RequestMapping("/admin/consistency")
public class ConsistencyController {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();

    private final IndexConsistency consistency;
    private final VectorStoreRegistry vectors;
    private final DocumentScan documents;

    public ConsistencyController(IndexConsistency consistency, VectorStoreRegistry vectors, DocumentScan documents) {
        this.consistency = consistency;
        this.vectors = vectors;
        this.documents = documents;
    }

    @GetMapping("/{index}")
    public IndexConsistency.Report check(@PathVariable String index) {
        return consistency.check(UnknownIndexException.searchIndex(index), store(index));
    }

    @PostMapping(value = "/{index}/repair", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> repair(@PathVariable String index) {
        SearchIndex target = UnknownIndexException.searchIndex(index);
        VectorStore store = store(index);
        StreamingResponseBody body = out -> {
            IndexConsistency.Report report = consistency.repair(target, store, progress -> {
                try {
                    out.write((JSON.writeValueAsString(progress) + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            out.write((JSON.writeValueAsString(report) + "\n").getBytes(StandardCharsets.UTF_8));
        };
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    /** JSON lines {"id", "version"}, one per document, streamed: an index of millions never sits in memory. */
    @GetMapping(value = "/{index}/documents", produces = "application/x-ndjson")
    public ResponseEntity<StreamingResponseBody> documents(@PathVariable String index) {
        SearchIndex target = UnknownIndexException.searchIndex(index);
        StreamingResponseBody body = out -> documents.forEach(target, document -> {
            try {
                out.write((JSON.writeValueAsString(document) + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/x-ndjson")).body(body);
    }

    private VectorStore store(String index) {
        return vectors.find(index).orElseThrow(() -> new UnknownIndexException(index, vectors.names()));
    }
}

package io.hybridmatch.engine.api;

import io.hybridmatch.vector.VectorHit;
import io.hybridmatch.vector.VectorQuery;
import io.hybridmatch.vector.VectorRecord;
import io.hybridmatch.vector.VectorStore;
import io.hybridmatch.vector.VectorStoreRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The vector primitives, named after FAISS as the Python team knows them; any {@link VectorStore} serves them. */
@RestController
@RequestMapping("/faiss")
public class VectorController {

    static final int DEFAULT_TOP_K = 10;

    public record SearchRequest(
            @NotBlank String index,
            @NotEmpty float[] vector,
            @Min(1) @Max(1000) Integer topK,
            @Size(max = 100_000) long[] allowedIds) {
    }

    public record SearchResponse(String index, String metric, List<VectorHit> hits) {
    }

    public record Item(@NotNull @PositiveOrZero Long id, @NotEmpty float[] vector) {
    }

    public record UpsertRequest(@NotBlank String index, @NotEmpty @Size(max = 1000) List<@NotNull @Valid Item> items) {
    }

    public record DeleteRequest(@NotBlank String index, @NotEmpty @Size(max = 10_000) List<@NotNull Long> ids) {
    }

    public record WriteResponse(String index, int applied, long size) {
    }

    public record IndexInfo(String index, int dimension, String metric, long size) {
    }

    public record StoredVector(String index, long id, float[] vector) {
    }

    private final VectorStoreRegistry stores;

    public VectorController(VectorStoreRegistry stores) {
        this.stores = stores;
    }

    @PostMapping("/search")
    public SearchResponse search(@Valid @RequestBody SearchRequest request) {
        VectorStore store = store(request.index());
        int k = request.topK() == null ? DEFAULT_TOP_K : request.topK();
        VectorQuery query = request.allowedIds() == null
                ? VectorQuery.of(request.vector(), k)
                : VectorQuery.within(request.vector(), k, request.allowedIds());
        return new SearchResponse(request.index(), metricName(store), store.search(query));
    }

    @PostMapping("/upsert")
    public WriteResponse upsert(@Valid @RequestBody UpsertRequest request) {
        VectorStore store = store(request.index());
        List<VectorRecord> records = request.items().stream()
                .map(item -> new VectorRecord(item.id(), item.vector()))
                .toList();
        store.upsert(records);
        return new WriteResponse(request.index(), records.size(), store.size());
    }

    @PostMapping("/delete")
    public WriteResponse delete(@Valid @RequestBody DeleteRequest request) {
        VectorStore store = store(request.index());
        int removed = store.delete(request.ids());
        return new WriteResponse(request.index(), removed, store.size());
    }

    @GetMapping("/indexes/{index}")
    public IndexInfo index(@PathVariable String index) {
        VectorStore store = store(index);
        return new IndexInfo(index, store.dimension(), metricName(store), store.size());
    }

    @GetMapping("/indexes/{index}/vectors/{id}")
    public StoredVector vector(@PathVariable String index, @PathVariable long id) {
        return store(index).vector(id).map(v -> new StoredVector(index, id, v))
                .orElseThrow(() -> new UnknownIdException(index, id));
    }

    private static String metricName(VectorStore store) {
        return store.metric().name().toLowerCase(Locale.ROOT);
    }

    private VectorStore store(String name) {
        return stores.find(name).orElseThrow(() -> new UnknownIndexException(name, stores.names()));
    }
}

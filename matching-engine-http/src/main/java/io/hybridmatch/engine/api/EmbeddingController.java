package io.hybridmatch.engine.api;

import io.hybridmatch.embeddings.TextEmbedder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class EmbeddingController {

    public record EmbeddingRequest(
            @NotEmpty @Size(max = 256) List<@NotBlank @Size(max = 20_000) String> texts) {
    }

    public record EmbeddingResponse(String model, int dimension, List<float[]> vectors) {
    }

    private final TextEmbedder embedder;

    public EmbeddingController(TextEmbedder embedder) {
        this.embedder = embedder;
    }

    @PostMapping("/embeddings")
    public EmbeddingResponse embed(@Valid @RequestBody EmbeddingRequest request) {
        return new EmbeddingResponse(embedder.modelId(), embedder.dimension(), embedder.embed(request.texts()));
    }
}

package io.hybridmatch.engine.erasure;

import io.hybridmatch.engine.api.UnknownIndexException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /admin/erasure}: forget documents now, on disk included (synchronous: tens of seconds, see
 * {@link Erasure}); {@code POST /admin/erasure/purge}: purge every index now (what the schedule does).
 */
@RestController
@RequestMapping("/admin/erasure")
public class ErasureController {

    public record ErasureRequest(@NotBlank String index, @NotEmpty @Size(max = 1000) List<@NotNull Long> ids) {
    }

    private final Erasure erasure;

    public ErasureController(Erasure erasure) {
        this.erasure = erasure;
    }

    @PostMapping
    public Erasure.Report erase(@Valid @RequestBody ErasureRequest request) {
        return erasure.erase(UnknownIndexException.searchIndex(request.index()), request.ids());
    }

    @PostMapping("/purge")
    public List<Erasure.Purge> purge() {
        return erasure.purgeAll();
    }
}

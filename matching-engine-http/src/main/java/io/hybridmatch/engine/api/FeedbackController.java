package io.hybridmatch.engine.api;

import io.hybridmatch.engine.feedback.FeedbackStore;
import io.hybridmatch.engine.security.TenantGuard;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Result-quality feedback: events in, CTR@k and conversion rates per fusion method and time window out. Events are
 * stamped with the tenant of the key (or the one an all-tenant key names); a tenant's key reads its own rates only.
 */
@RestController
@RequestMapping("/feedback")
public class FeedbackController {

    public record FeedbackEvent(@NotBlank String searchId, @NotNull @PositiveOrZero Long resultId, @NotNull @Min(1) Integer rank,
                                @NotNull @Pattern(regexp = "impression|click|apply|hire") String event,
                                @NotBlank String fusion, String index, Instant occurredAt, String tenantId,
                                @PositiveOrZero Long queryId) {
    }

    public record Stored(boolean stored) {
    }

    public record RatesResponse(int k, Instant since, Instant until, Map<String, FeedbackStore.Rates> byFusion) {
    }

    private final FeedbackStore store;
    private final TenantGuard tenants;

    public FeedbackController(FeedbackStore store, TenantGuard tenants) {
        this.store = store;
        this.tenants = tenants;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    public Stored record(@Valid @RequestBody FeedbackEvent e) {
        store.record(new FeedbackStore.Event(e.searchId(), e.resultId(), e.rank(), e.event(), e.fusion(),
                e.index() == null ? "candidates" : e.index(), e.occurredAt() == null ? Instant.now() : e.occurredAt(),
                tenants.confine(e.tenantId()), e.queryId()));
        return new Stored(true);
    }

    @GetMapping("/rates")
    public RatesResponse rates(@RequestParam(required = false) Instant since, @RequestParam(required = false) Instant until,
                               @RequestParam(defaultValue = "10") int k,
                               @RequestParam(name = "tenant_id", required = false) String tenantId) {
        Instant to = until == null ? Instant.now().plusSeconds(1) : until;
        Instant from = since == null ? to.minus(Duration.ofDays(7)) : since;
        return new RatesResponse(k, from, to, store.rates(from, to, k, tenants.confine(tenantId)));
    }
}

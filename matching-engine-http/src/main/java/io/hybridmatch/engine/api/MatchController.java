package io.hybridmatch.engine.api;

import io.hybridmatch.engine.config.MatchDefaults;
import io.hybridmatch.engine.security.TenantGuard;
import io.hybridmatch.engine.timing.MatchTiming;
import io.hybridmatch.indexing.ElasticsearchTimings;
import io.hybridmatch.matching.Criterion;
import io.hybridmatch.matching.FusionMethod;
import io.hybridmatch.matching.HybridMatcher;
import io.hybridmatch.matching.Importance;
import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.MatchFilters;
import io.hybridmatch.matching.MatchHit;
import io.hybridmatch.matching.MatchQuery;
import io.hybridmatch.matching.MatchResult;
import io.hybridmatch.matching.MatchStages;
import io.hybridmatch.matching.RankingModel;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Hybrid matching over HTTP, both ways: {@code POST /match/candidates} (for an offer, by {@code job_offer_id} or an
 * inline {@code job_offer}) and {@code POST /match/offers} (for a candidate). Its stages are timed by
 * {@link MatchTiming} ({@code hybridmatch_match_stage_seconds{stage,direction,error}}); the response's
 * {@code timings_ms} holds those finished when it is built. A key bound to a tenant matches within it only.
 */
@RestController
@RequestMapping("/match")
public class MatchController {

    public record Filters(List<String> locations, List<String> seniorities, List<String> skills, Boolean remote,
                          Integer minExperience, Integer maxExperience, Instant since, String tenantId) {
    }

    /** Its limits are the contract's, checked before it is read ({@link ContractRequestValidation}). */
    public record Request(Long jobOfferId, Map<String, Object> jobOffer, Long candidateId,
                          Map<String, Object> candidate, Filters filters, Map<String, String> importance,
                          Map<String, Double> weights, String fusion, Integer rrfK, Double vectorWeight,
                          Integer recallSize, Integer page, Integer size) {
    }

    /** {@code search_id} identifies this result list in feedback events ({@code POST /feedback}). */
    public record Response(String searchId, String fusion, int pool, List<MatchHit> hits, Map<String, Double> timingsMs) {
    }

    private final HybridMatcher matcher;
    private final ElasticsearchTimings elasticsearch;
    private final TenantGuard tenants;
    private final MatchDefaults defaults;

    public MatchController(HybridMatcher matcher, ElasticsearchTimings elasticsearch, TenantGuard tenants,
                           MatchDefaults defaults) {
        this.matcher = matcher;
        this.defaults = defaults;
        this.elasticsearch = elasticsearch;
        this.tenants = tenants;
    }

    @PostMapping("/candidates")
    public Response candidates(@RequestBody Request request, HttpServletRequest http) {
        return match(MatchDirection.CANDIDATES_FOR_OFFER, request.jobOfferId(), request.jobOffer(), "job_offer", request, http);
    }

    @PostMapping("/offers")
    public Response offers(@RequestBody Request request, HttpServletRequest http) {
        return match(MatchDirection.OFFERS_FOR_CANDIDATE, request.candidateId(), request.candidate(), "candidate", request, http);
    }

    private Response match(MatchDirection direction, Long id, Map<String, Object> document, String name, Request r,
                           HttpServletRequest http) {
        if ((id == null) == (document == null)) {
            throw new IllegalArgumentException("give exactly one of " + name + "_id and " + name);
        }
        Filters f = r.filters();
        String tenant = tenants.confine(f == null ? null : f.tenantId());
        if (document != null) {
            tenants.checkInline(document);
        } else {
            tenants.checkIndexed(direction.source(), id);
        }
        MatchFilters filters = f == null ? MatchFilters.none().withTenant(tenant) : new MatchFilters(f.locations(),
                f.seniorities(), f.skills(), f.remote(), f.minExperience(), f.maxExperience(), f.since(), tenant);
        RankingModel.Setting ranking = defaults.setting(direction);
        MatchQuery query = new MatchQuery(direction, id, document, filters, importance(r.importance()),
                r.weights(),
                r.fusion() == null ? ranking.fusion() : enumOf(FusionMethod.class, "fusion", r.fusion()),
                r.rrfK() == null ? ranking.rrfK() : r.rrfK(),
                r.vectorWeight() == null ? ranking.vectorWeight() : r.vectorWeight(),
                r.recallSize() == null ? MatchQuery.DEFAULT_RECALL : r.recallSize(),
                r.page() == null ? 0 : r.page(), r.size() == null ? 10 : r.size());
        MatchStages stages = MatchTiming.stages(http).orElseGet(() -> MatchStages.untraced(direction));
        MatchResult result = matcher.match(query, stages);
        Long keywordNanos = stages.nanos().get("elasticsearch");
        if (keywordNanos != null) {
            elasticsearch.record(direction.target().alias(), "search", keywordNanos);
        }
        return new Response(java.util.UUID.randomUUID().toString(), result.fusion().name().toLowerCase(Locale.ROOT),
                result.pool(), result.hits(), result.timingsMs());
    }

    private static Map<Criterion, Importance> importance(Map<String, String> given) {
        Map<Criterion, Importance> out = new EnumMap<>(Criterion.class);
        if (given != null) {
            given.forEach((criterion, level) -> out.put(enumOf(Criterion.class, "importance key", criterion),
                    enumOf(Importance.class, "importance of " + criterion, level)));
        }
        return out;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String what, String value) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(what + " '" + value + "' is not one of "
                    + java.util.Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList());
        }
    }
}

package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.hybridmatch.matching.MatchDirection;
import io.hybridmatch.matching.RankingModel;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The matching endpoints on the demo data (indexed at start through the real pipeline), checked against the contract. */
class MatchApiIT extends EngineIT {

    private static List<Long> ids(JsonNode body) {
        return body.get("hits").valueStream().map(hit -> hit.get("id").asLong()).toList();
    }

    @Test
    void candidatesForTheJavaOfferStartWithTheJavaDevelopers() {
        ContractClient.Reply reply = client.post("/match/candidates", Map.of("job_offer_id", 101, "size", 5));
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body().get("fusion").asString()).as("the bundled ranking model's fusion")
                .isEqualTo(RankingModel.bundled().setting(MatchDirection.CANDIDATES_FOR_OFFER).fusion().name().toLowerCase(Locale.ROOT));
        JsonNode best = reply.body().get("hits").get(0);
        assertThat(best.get("id").asLong()).as("Camille, senior Java developer in Paris").isEqualTo(1);
        assertThat(best.at("/explanation/matched_skills").valueStream().map(JsonNode::asString).toList())
                .contains("java", "spring", "kafka", "postgresql");
        assertThat(best.at("/explanation/categories/location/score").asDouble()).isEqualTo(1.0);
        assertThat(reply.body().get("timings_ms").has("faiss")).isTrue();
    }

    @Test
    void offersForAnInlineCandidateHonourFilters() {
        Map<String, Object> candidate = Map.of("candidate_id", 9_999, "headline", "Pâtissière",
                "summary", "Entremets et viennoiseries.", "skills", List.of("Pâtisserie"), "location", "Lyon",
                "updated_at", "2026-11-01T00:00:00Z");
        ContractClient.Reply reply = client.post("/match/offers", Map.of("candidate", candidate, "size", 3));
        assertThat(ids(reply.body())).first().isEqualTo(108L);
        ContractClient.Reply remoteOnly = client.post("/match/offers", Map.of("candidate", candidate,
                "filters", Map.of("remote", true), "size", 10));
        assertThat(ids(remoteOnly.body())).isNotEmpty().doesNotContain(108L, 101L);
    }

    @Test
    void mustHaveSkillsAreHardFilters() {
        ContractClient.Reply reply = client.post("/match/candidates", Map.of("job_offer_id", 101,
                "importance", Map.of("skills", "must"), "size", 20));
        for (JsonNode hit : reply.body().get("hits")) {
            assertThat(hit.at("/explanation/missing_skills")).as("hit %s", hit.get("id")).isEmpty();
        }
    }

    @Test
    void badMatchRequestsAreProblems() {
        ContractClient.Reply both = client.postRaw("/match/candidates", "{\"job_offer_id\": 101, \"job_offer\": {}}");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.body().get("type").asString()).isEqualTo("urn:hybridmatch:problem:invalid-request");
        ContractClient.Reply fusion = client.postRaw("/match/candidates", "{\"job_offer_id\": 101, \"fusion\": \"magic\"}");
        assertThat(fusion.status()).isEqualTo(400);
        assertThat(fusion.body().get("detail").asString()).contains("rrf");
        ContractClient.Reply limits = client.postRaw("/match/candidates",
                "{\"job_offer_id\": 101, \"size\": 101, \"recall_size\": 0, \"filters\": {\"min_experience\": -1}}");
        assertThat(limits.status()).isEqualTo(400);
        assertThat(limits.body().get("type").asString()).isEqualTo("urn:hybridmatch:problem:invalid-request");
        assertThat(limits.body().get("errors").valueStream().map(e -> e.get("field").asString()))
                .as("the contract's limits, each field named").containsExactly("filters.min_experience", "recall_size", "size");
        assertThat(limits.body().get("detail").asString()).contains("size: must have a maximum value of 100");
        ContractClient.Reply missing = client.postRaw("/match/candidates", "{\"job_offer_id\": 424242}");
        assertThat(missing.status()).isEqualTo(404);
    }
}

package io.hybridmatch.search.elasticsearch;

import static io.hybridmatch.search.elasticsearch.SearchIndex.CANDIDATES;
import static io.hybridmatch.search.elasticsearch.SearchIndex.JOB_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.json.JsonpUtils;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Mapping generation without a server. SERVER mode cannot run against the local integ-test node
 * (it lacks the french/english analyzers), so its mapping is only checked here, as JSON.
 */
class IndexMappingsTest {

    private final JacksonJsonpMapper mapper = new JacksonJsonpMapper();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void serverModeCopiesTextIntoSiblingsAnalysedByTheServerLanguageAnalyzers() throws Exception {
        JsonNode candidates = mappingJson(CANDIDATES, TextAnalysisMode.SERVER);
        assertThat(candidates.at("/_meta/text_analysis").asText()).isEqualTo("SERVER");
        assertThat(candidates.at("/properties/headline/copy_to").toString()).isEqualTo("[\"headline_fr\",\"headline_en\"]");
        assertThat(candidates.at("/properties/headline_fr/analyzer").asText()).isEqualTo("french");
        assertThat(candidates.at("/properties/summary_en/analyzer").asText()).isEqualTo("english");

        JsonNode offers = mappingJson(JOB_OFFERS, TextAnalysisMode.SERVER);
        assertThat(offers.at("/properties/description/copy_to").toString())
                .isEqualTo("[\"description_fr\",\"description_en\"]");
        assertThat(offers.at("/properties/title_fr/analyzer").asText()).isEqualTo("french");
        assertThat(offers.at("/properties/title_en/analyzer").asText()).isEqualTo("english");
    }

    @Test
    void clientModeIndexesPreAnalysedTermsWithTheCoreWhitespaceAnalyzer() throws Exception {
        JsonNode candidates = mappingJson(CANDIDATES, TextAnalysisMode.CLIENT);
        assertThat(candidates.at("/_meta/text_analysis").asText()).isEqualTo("CLIENT");
        assertThat(candidates.at("/properties/headline/copy_to").isMissingNode()).isTrue();
        assertThat(candidates.at("/properties/headline_fr/analyzer").asText()).isEqualTo("whitespace");
        assertThat(candidates.at("/properties/summary_en/analyzer").asText()).isEqualTo("whitespace");
    }

    @Test
    void bothModesShareTheSeedSchemaAndAStrictMapping() throws Exception {
        for (TextAnalysisMode mode : TextAnalysisMode.values()) {
            JsonNode candidates = mappingJson(CANDIDATES, mode);
            assertThat(candidates.at("/dynamic").asText()).isEqualTo("strict");
            assertThat(candidates.at("/_meta/schema_version").asInt()).isEqualTo(SearchIndex.SCHEMA_VERSION);
            assertThat(candidates.at("/properties/first_name/type").asText()).isEqualTo("keyword");
            assertThat(candidates.at("/properties/experience_years/type").asText()).isEqualTo("integer");
            assertThat(candidates.at("/properties/updated_at/type").asText()).isEqualTo("date");
            assertThat(candidates.at("/properties/candidate_id").isMissingNode()).isTrue();

            JsonNode offers = mappingJson(JOB_OFFERS, mode);
            assertThat(offers.at("/properties/is_remote/type").asText()).isEqualTo("boolean");
            assertThat(offers.at("/properties/required_skills/type").asText()).isEqualTo("keyword");
            assertThat(offers.at("/properties/posted_at/type").asText()).isEqualTo("date");
        }
    }

    private JsonNode mappingJson(SearchIndex index, TextAnalysisMode mode) throws Exception {
        return json.readTree(JsonpUtils.toJsonString(IndexMappings.of(index, mode), mapper));
    }
}

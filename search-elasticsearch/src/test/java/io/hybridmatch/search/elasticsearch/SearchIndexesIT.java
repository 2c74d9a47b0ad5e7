package io.hybridmatch.search.elasticsearch;

import static io.hybridmatch.search.elasticsearch.SearchIndex.CANDIDATES;
import static io.hybridmatch.search.elasticsearch.SearchIndex.JOB_OFFERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch._types.mapping.Property;
import co.elastic.clients.elasticsearch._types.mapping.TypeMapping;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.JsonData;
import io.hybridmatch.elasticsearch.local.LocalElasticsearchExtension;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Against a real node: the local integ-test distribution, or the cluster in ELASTICSEARCH_URL. */
@ExtendWith(LocalElasticsearchExtension.class)
class SearchIndexesIT {

    private static ElasticsearchClient client;
    private static SearchIndexes indexes;

    @BeforeAll
    static void ensureIndexes(URI elasticsearch) throws IOException {
        client = ElasticsearchClients.create(elasticsearch);
        indexes = SearchIndexes.ensure(client);
    }

    @AfterAll
    static void closeClient() throws IOException {
        client.close();
    }

    @Test
    void ensuringTwiceKeepsOneTemplateIndexAndAliasPerSearchIndex() throws IOException {
        SearchIndexes again = SearchIndexes.ensure(client);

        for (SearchIndex index : SearchIndex.values()) {
            assertThat(client.indices().getAlias(request -> request.name(index.alias())).result().keySet())
                    .containsExactly(index.versionedName());
            assertThat(client.indices().getIndexTemplate(request -> request.name(index.versionedName()))
                    .indexTemplates()).hasSize(1);
            assertThat(again.textAnalysis(index).mode()).isEqualTo(indexes.textAnalysis(index).mode());
        }
    }

    @Test
    void deleteTombstonesAreKeptLongerThanTheDefaultMinuteAlsoOnAnExistingIndex() throws IOException {
        for (SearchIndex index : SearchIndex.values()) {
            assertThat(gcDeletes(index)).isEqualTo(IndexBootstrap.DELETE_TOMBSTONE_RETENTION);
        }
        // an index created by an earlier version, with Elasticsearch's default
        client.indices().putSettings(request -> request.index(CANDIDATES.versionedName())
                .settings(settings -> settings.gcDeletes(t -> t.time("60s"))));
        SearchIndexes.ensure(client);
        assertThat(gcDeletes(CANDIDATES)).isEqualTo(IndexBootstrap.DELETE_TOMBSTONE_RETENTION);
    }

    private static String gcDeletes(SearchIndex index) throws IOException {
        var settings = client.indices().getSettings(request -> request.index(index.versionedName()))
                .result().get(index.versionedName()).settings();
        return settings.index().gcDeletes().time();
    }

    @Test
    void mappingsFollowTheSeedSchemaAndRecordTheirMode() throws IOException {
        TypeMapping candidates = mapping(CANDIDATES);
        TextAnalysisMode mode = indexes.textAnalysis(CANDIDATES).mode();
        assertThat(candidates.dynamic()).isEqualTo(DynamicMapping.Strict);
        assertThat(candidates.meta().get("text_analysis").to(String.class)).isEqualTo(mode.name());
        assertThat(candidates.meta().get("schema_version").to(Integer.class)).isEqualTo(SearchIndex.SCHEMA_VERSION);
        Map<String, Property> fields = candidates.properties();
        assertThat(List.of("first_name", "last_name", "skills", "location")).allMatch(name -> fields.get(name).isKeyword());
        assertThat(List.of("headline", "summary", "headline_fr", "headline_en", "summary_fr", "summary_en"))
                .allMatch(name -> fields.get(name).isText());
        assertThat(fields.get("experience_years").isInteger()).isTrue();
        assertThat(fields.get("updated_at").isDate()).isTrue();
        assertThat(fields.get("summary_fr").text().analyzer()).isEqualTo(mode.fieldAnalyzer(TextLanguage.FRENCH));
        assertThat(fields.get("summary_en").text().analyzer()).isEqualTo(mode.fieldAnalyzer(TextLanguage.ENGLISH));

        Map<String, Property> offers = mapping(JOB_OFFERS).properties();
        assertThat(List.of("company", "location", "seniority", "required_skills")).allMatch(name -> offers.get(name).isKeyword());
        assertThat(List.of("title", "description", "title_fr", "title_en", "description_fr", "description_en"))
                .allMatch(name -> offers.get(name).isText());
        assertThat(offers.get("is_remote").isBoolean()).isTrue();
        assertThat(offers.get("posted_at").isDate()).isTrue();
    }

    @Test
    void detectsClientModeOnTheIntegTestDistribution() throws IOException {
        assumeFalse(TestElasticsearch.usesConfiguredCluster(), "a configured cluster may have analysis-common");

        assertThat(TextAnalysisMode.detect(client)).isEqualTo(TextAnalysisMode.CLIENT);
        assertThat(indexes.textAnalysis(CANDIDATES).mode()).isEqualTo(TextAnalysisMode.CLIENT);
        assertThat(indexes.textAnalysis(JOB_OFFERS).mode()).isEqualTo(TextAnalysisMode.CLIENT);
    }

    @Test
    void findsAFrenchCandidateByAnotherInflection() throws IOException {
        index(CANDIDATES, Map.of("candidate_id", "fr-1", "first_name", "Camille",
                "headline", "Développeuse Java confirmée", "experience_years", 6));
        TextAnalysis analysis = indexes.textAnalysis(CANDIDATES);

        assertThat(ids(CANDIDATES, analysis.match("headline", TextLanguage.FRENCH, "développeur"))).contains("fr-1");
        assertThat(ids(CANDIDATES, analysis.matchAnyLanguage("headline", "développeurs"))).contains("fr-1");
        // Without language analysis the inflection is missed.
        assertThat(ids(CANDIDATES, Query.of(q -> q.match(m -> m.field("headline").query("développeur")))))
                .doesNotContain("fr-1");
    }

    @Test
    void findsAnEnglishJobOfferByAnotherInflection() throws IOException {
        index(JOB_OFFERS, Map.of("job_offer_id", "en-1", "title", "Senior developers managing teams",
                "company", "Acme", "is_remote", true, "posted_at", "2026-11-01"));
        TextAnalysis analysis = indexes.textAnalysis(JOB_OFFERS);

        assertThat(ids(JOB_OFFERS, analysis.match("title", TextLanguage.ENGLISH, "developer who manages")))
                .contains("en-1");
        assertThat(ids(JOB_OFFERS, Query.of(q -> q.match(m -> m.field("title").query("developer manages")))))
                .doesNotContain("en-1");
    }

    private static TypeMapping mapping(SearchIndex index) throws IOException {
        return client.indices().getMapping(request -> request.index(index.alias()))
                .result().get(index.versionedName()).mappings();
    }

    private static void index(SearchIndex index, Map<String, ?> record) throws IOException {
        IndexedDocument document = indexes.documentBuilder(index).build(record);
        client.index(request -> request.index(index.alias()).id(document.id()).document(document.source())
                .refresh(Refresh.True));
    }

    private static List<String> ids(SearchIndex index, Query query) throws IOException {
        return client.search(request -> request.index(index.alias()).query(query), JsonData.class)
                .hits().hits().stream().map(Hit::id).toList();
    }
}

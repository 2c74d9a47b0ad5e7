package io.hybridmatch.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.hybridmatch.normalization.DocumentKind;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.search.elasticsearch.SearchIndexes;
import io.hybridmatch.search.elasticsearch.TextAnalysis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Step 1: BM25 recall on the target index. Title/headline (×2) matched in French and English (the better
 * language wins per field), and for offers their description against the candidate's text, the occupation as a term
 * (×2), each of the query's canonical skills (an offer's core skills) as a term (×1.5), all under the request's
 * filters.
 */
final class KeywordRetriever {

    private final ElasticsearchClient es;
    private final SearchIndexes indexes;

    KeywordRetriever(ElasticsearchClient es, SearchIndexes indexes) {
        this.es = es;
        this.indexes = indexes;
    }

    /** Ranked ids with scores, and the sources of the hits (for scoring without a second fetch). */
    record Result(RankedList ranked, Map<Long, Map<String, Object>> sources) {
    }

    @SuppressWarnings("unchecked")
    Result search(SearchIndex target, Subject source, String title, List<Query> filters, int size) {
        boolean candidates = target.kind() == DocumentKind.CANDIDATE;
        TextAnalysis text = indexes.textAnalysis(target);
        List<Query> should = new ArrayList<>();
        if (title != null && !title.isBlank()) {
            should.add(boosted(text.matchAnyLanguage(candidates ? "headline" : "title", title), 2f));
        }
        if (!candidates) {
            // an offer's whole text against every candidate's summary cost 60 % of the node's time at 200,000
            // candidates and, once dropped, held-out NDCG@10 rose (the vector side reads the same text);
            // a candidate's text against offers' descriptions still helps (bench/latency/README.md, eval/README.md)
            should.add(text.matchAnyLanguage("description", source.text()));
        }
        if (source.occupation() != null) {
            // the occupation the title names, whatever its language or wording: as strong as the title itself
            should.add(Query.of(q -> q.term(t -> t.field("occupation").value(FieldValue.of(source.occupation())).boost(2f))));
        }
        String skillField = candidates ? "skills" : "required_skills";
        // an offer asks for its core skills: those its candidates are scored on (a candidate's are all its skills)
        source.coreSkills().forEach(skill -> should.add(Query.of(q -> q.term(t -> t.field(skillField)
                .value(FieldValue.of(skill)).boost(1.5f)))));
        SearchResponse<Map> response;
        try {
            // no total hit count: Elasticsearch may then skip documents that cannot enter the top (block-max WAND)
            response = es.search(s -> s.index(target.alias()).size(size).source(ScoringSource.of(target.kind()))
                    .trackTotalHits(t -> t.enabled(false))
                    .query(q -> q.bool(b -> b.should(should).minimumShouldMatch("1").filter(filters))), Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("keyword retrieval on " + target.alias() + " failed", e);
        }
        LinkedHashMap<Long, Double> scores = new LinkedHashMap<>();
        Map<Long, Map<String, Object>> sources = new LinkedHashMap<>();
        for (Hit<Map> hit : response.hits().hits()) {
            long id = Long.parseLong(hit.id());
            scores.put(id, hit.score() == null ? 0 : hit.score());
            sources.put(id, (Map<String, Object>) hit.source());
        }
        return new Result(new RankedList("elasticsearch", scores), sources);
    }

    private static Query boosted(Query query, float boost) {
        return Query.of(q -> q.bool(b -> b.should(query).boost(boost)));
    }
}

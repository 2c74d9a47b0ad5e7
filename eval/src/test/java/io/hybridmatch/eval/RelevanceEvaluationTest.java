package io.hybridmatch.eval;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.elasticsearch.local.TestElasticsearch;
import io.hybridmatch.embeddings.CachingTextEmbedder;
import io.hybridmatch.embeddings.OnnxSentenceEmbedder;
import io.hybridmatch.embeddings.TextEmbedder;
import io.hybridmatch.search.elasticsearch.ElasticsearchClients;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped evaluation, run for real: the default hybrid must beat each retriever alone on NDCG@10. */
class RelevanceEvaluationTest {

    @TempDir
    Path vectors;

    @Test
    void theDefaultHybridBeatsBothRetrieversAlone() throws Exception {
        DataSetGenerator.DataSet data = new DataSetGenerator(42).generate(55, 5);
        assertThat(data.candidates()).hasSizeGreaterThanOrEqualTo(1_000);
        assertThat(data.offers()).hasSize(100);
        List<RelevanceEvaluation.Row> rows;
        try (ElasticsearchClient es = ElasticsearchClients.create(TestElasticsearch.url());
             TextEmbedder embedder = new CachingTextEmbedder(OnnxSentenceEmbedder.allMiniLmL6V2(), 10_000)) {
            rows = RelevanceEvaluation.run(es, embedder, vectors, data);
        }
        System.out.println(RelevanceEvaluation.table(rows));
        Map<String, RelevanceEvaluation.Row> byName = rows.stream()
                .collect(Collectors.toMap(RelevanceEvaluation.Row::system, Function.identity()));
        RelevanceEvaluation.Row hybrid = byName.get("RRF (k=60) + scoring"); // MatchQuery.DEFAULT_FUSION
        assertThat(hybrid.ndcg10()).isGreaterThan(byName.get("Elasticsearch only (BM25)").ndcg10())
                .isGreaterThan(byName.get("FAISS only (MiniLM)").ndcg10());
    }

    @Test
    void gradesFollowTheLatentTruth() {
        DataSetGenerator.DataSet data = new DataSetGenerator(7).generate(3, 1);
        long offer = 1; // occupation 0: backend_java
        long sameOccupation = 1;
        long nearMiss = 4; // occupation 1: backend_python, related to backend_java
        long unrelated = 3 * 8 + 1; // occupation 8: nurse
        assertThat(data.grade(offer, sameOccupation)).isIn(2, 3);
        assertThat(data.grade(offer, nearMiss)).isEqualTo(1);
        assertThat(data.grade(offer, unrelated)).isZero();
        assertThat(RelevanceEvaluation.ndcgAt(new int[]{3, 2, 0}, new int[]{0, 2, 3}, 10)).isEqualTo(1.0);
        assertThat(RelevanceEvaluation.ndcgAt(new int[]{0, 2, 3}, new int[]{0, 2, 3}, 10)).isLessThan(1.0);
    }
}

package io.hybridmatch.engine;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The matching tests again, on an engine whose vectors live in Elasticsearch dense_vector indexes, not FAISS. */
class ElasticsearchVectorsMatchApiIT extends MatchApiIT {

    @Autowired
    ElasticsearchClient elasticsearch;

    @DynamicPropertySource
    static void vectorsInElasticsearch(DynamicPropertyRegistry registry) {
        registry.add("hybridmatch.vector-store", () -> "elasticsearch");
    }

    @Test
    void theDemoVectorsAreInTheVectorIndexes() throws IOException {
        for (String index : new String[]{"vectors-candidates", "vectors-job_offers"}) {
            assertThat(elasticsearch.count(c -> c.index(index)).count()).as(index).isPositive();
        }
    }
}

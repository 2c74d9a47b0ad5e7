package io.hybridmatch.engine.backup;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.engine.config.HybridmatchProperties;
import io.hybridmatch.engine.erasure.Erasure;
import io.hybridmatch.search.elasticsearch.FeedbackEventsIndex;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.VectorBackend;
import io.hybridmatch.vector.VectorStoreRegistry;
import io.hybridmatch.vector.elasticsearch.ElasticsearchVectorIndexSpec;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BackupConfiguration {

    /** Named in the {@code @DependsOn} of the beans that open the stores, which must see the restored data. */
    static final String RESTORE_BEAN = "backupRestore";

    @Bean
    ElasticsearchSnapshots elasticsearchSnapshots(ElasticsearchClient es, BackupProperties backup) {
        return new ElasticsearchSnapshots(es, backup.elasticsearchRepository(), backup.elasticsearchLocation());
    }

    /** The backup restored at start-up, if {@code hybridmatch.backup.restore} names one. */
    @Bean(RESTORE_BEAN)
    RestoredBackup backupRestore(HybridmatchProperties properties, BackupProperties backup,
                                 ElasticsearchSnapshots snapshots) {
        if (backup.restore() == null || backup.restore().isBlank()) {
            return new RestoredBackup(Optional.empty());
        }
        return new RestoredBackup(Optional.of(BackupRestore.restore(backupDir(properties, backup).resolve(backup.restore()),
                properties.dataDir().resolve("vectors"), snapshots, Clock.systemUTC())));
    }

    /**
     * FAISS stores are copied as files; vectors in Elasticsearch ({@code hybridmatch.vector-store: elasticsearch}) are
     * snapshotted with the documents instead, and restored with them.
     */
    @Bean
    Backups backups(VectorStoreRegistry vectors, ElasticsearchSnapshots snapshots, Erasure erasure,
                    HybridmatchProperties properties, BackupProperties backup) {
        boolean vectorsInElasticsearch = properties.vectorStore() == VectorBackend.ELASTICSEARCH;
        Stream<String> vectorIndices = vectorsInElasticsearch
                ? vectors.names().stream().map(ElasticsearchVectorIndexSpec::indexOf) : Stream.empty();
        List<String> indices = Stream.of(Arrays.stream(SearchIndex.values()).map(SearchIndex::alias),
                Stream.of(FeedbackEventsIndex.NAME), vectorIndices).flatMap(s -> s).toList();
        VectorStoreRegistry copied = vectorsInElasticsearch ? VectorStoreRegistry.of(Map.of()) : vectors;
        return new Backups(copied, snapshots, indices, erasure, backupDir(properties, backup),
                backup.elasticsearchRepository(), Clock.systemUTC());
    }

    private static Path backupDir(HybridmatchProperties properties, BackupProperties backup) {
        return backup.dir() != null ? backup.dir() : properties.dataDir().resolve("backups");
    }

    public record RestoredBackup(Optional<BackupManifest> manifest) {
    }
}

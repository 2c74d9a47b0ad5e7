package io.hybridmatch.engine.erasure;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.search.elasticsearch.DeletedDocumentPurge;
import io.hybridmatch.vector.VectorStoreRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** The erasure service and the scheduled purge that bounds how long deleted data stays on disk. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ErasureConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ErasureConfiguration.class);

    @Bean
    Erasure erasure(DocumentIndexer indexer, VectorStoreRegistry vectors, ElasticsearchClient es,
                    ErasureProperties properties) {
        return new Erasure(indexer, vectors, new DeletedDocumentPurge(es), properties.leaseTimeout());
    }

    @Bean
    ScheduledPurge scheduledPurge(Erasure erasure) {
        return new ScheduledPurge(erasure);
    }

    static final class ScheduledPurge {

        private final Erasure erasure;

        ScheduledPurge(Erasure erasure) {
            this.erasure = erasure;
        }

        @Scheduled(fixedDelayString = "${hybridmatch.erasure.purge-interval:1h}",
                initialDelayString = "${hybridmatch.erasure.purge-interval:1h}")
        void run() {
            try {
                erasure.purgeAll().stream().filter(p -> p.vectorsPurged() > 0 || p.documentsPurged() > 0)
                        .forEach(p -> log.info("purged {}: {} vectors, {} deleted documents, {} ms", p.index(),
                                p.vectorsPurged(), p.documentsPurged(), p.tookMs()));
            } catch (RuntimeException e) {
                // infrastructure down is not fatal: the next run purges what this one could not
                log.warn("scheduled purge of deleted data failed; retried at the next interval", e);
            }
        }
    }
}

package io.hybridmatch.engine.backup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir                     where vector backups and manifests go ({@code <data-dir>/backups} when empty)
 * @param elasticsearchRepository the snapshot repository registered in Elasticsearch
 * @param elasticsearchLocation   its {@code fs} location, resolved by Elasticsearch against its {@code path.repo}
 * @param restore                 a backup to restore while starting (the vectors into {@code <data-dir>/vectors},
 *                                the indexes into Elasticsearch), before anything is served
 */
@ConfigurationProperties("hybridmatch.backup")
public record BackupProperties(
        Path dir,
        @DefaultValue("hybridmatch_backups") String elasticsearchRepository,
        @DefaultValue("hybridmatch") String elasticsearchLocation,
        String restore) {
}

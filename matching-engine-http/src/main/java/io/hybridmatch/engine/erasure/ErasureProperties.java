package io.hybridmatch.engine.erasure;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param purgeInterval how often deleted documents and vectors are purged from disk (the bound on how long the bytes
 *                      of an ordinary delete stay on disk); {@code POST /admin/erasure} purges at once
 * @param leaseTimeout  how long a purge waits for Elasticsearch's retention leases to move past the deletes (they are
 *                      renewed every 30 s)
 */
@ConfigurationProperties("hybridmatch.erasure")
public record ErasureProperties(@DefaultValue("1h") Duration purgeInterval, @DefaultValue("2m") Duration leaseTimeout) {
}

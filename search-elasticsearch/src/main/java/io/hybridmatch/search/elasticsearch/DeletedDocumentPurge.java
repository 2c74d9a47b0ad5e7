package io.hybridmatch.search.elasticsearch;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.Level;
import co.elastic.clients.elasticsearch.indices.stats.IndicesStats;
import co.elastic.clients.elasticsearch.indices.stats.ShardStats;
import co.elastic.clients.json.JsonData;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Erasure on disk for Elasticsearch: removes the stored copies of deleted documents from an index's files.
 *
 * <p>A delete is soft: the document, source included, stays in its Lucene segment until (1) every shard copy's
 * peer-recovery retention lease has moved past the delete (Elasticsearch renews them every 30 s, not on demand),
 * (2) a flush has committed it and dropped the translog generation holding the original write, and (3) a merge has
 * rewritten every segment holding it. {@link #purge} waits for (1), bounded, then does (2) and (3) with
 * {@code index.merge.policy.expunge_deletes_allowed: 0}, so that any segment with a deleted document is rewritten
 * (the default leaves segments under 10 % deleted alone).
 */
public final class DeletedDocumentPurge {

    private static final Duration POLL = Duration.ofMillis(500);

    public record Result(String index, long deletedBefore, long deletedAfter, Duration took) {
    }

    private final ElasticsearchClient client;

    public DeletedDocumentPurge(ElasticsearchClient client) {
        this.client = client;
    }

    /**
     * Purges every document deleted from {@code index} (a name or an alias) before this call; returns once the
     * merge is done. Fails with {@link IllegalStateException} if the retention leases have not moved past the
     * deletes within {@code leaseTimeout}.
     */
    public Result purge(String index, Duration leaseTimeout) throws IOException {
        long start = System.nanoTime();
        client.indices().refresh(r -> r.index(index));
        Map<String, Long> deletesUpTo = maxSeqNoPerShardCopy(shardStats(index));
        long deletedBefore = deletedDocs(index);
        if (deletedBefore == 0) {
            return new Result(index, 0, 0, Duration.ofNanos(System.nanoTime() - start));
        }
        awaitLeasesPast(index, deletesUpTo, leaseTimeout);
        client.indices().flush(f -> f.index(index).force(true).waitIfOngoing(true));
        client.indices().putSettings(s -> s.index(index)
                .settings(t -> t.otherSettings("index.merge.policy.expunge_deletes_allowed", JsonData.of(0))));
        client.indices().forcemerge(f -> f.index(index).onlyExpungeDeletes(true).flush(true).waitForCompletion(true));
        client.indices().refresh(r -> r.index(index));
        return new Result(index, deletedBefore, deletedDocs(index), Duration.ofNanos(System.nanoTime() - start));
    }

    private void awaitLeasesPast(String index, Map<String, Long> seqNos, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!leasesPast(shardStats(index), seqNos)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(index + ": retention leases did not move past the deletes within "
                        + timeout.toSeconds() + " s; deleted documents are still on disk (retry later)");
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for " + index + "'s retention leases", e);
            }
        }
    }

    private static boolean leasesPast(Map<String, ShardStats> copies, Map<String, Long> seqNos) {
        for (Map.Entry<String, ShardStats> copy : copies.entrySet()) {
            Long seqNo = seqNos.get(copy.getKey());
            ShardStats shard = copy.getValue();
            if (seqNo != null && shard.retentionLeases() != null
                    && shard.retentionLeases().leases().stream().anyMatch(lease -> lease.retainingSeqNo() <= seqNo)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Long> maxSeqNoPerShardCopy(Map<String, ShardStats> copies) {
        Map<String, Long> seqNos = new HashMap<>();
        copies.forEach((id, shard) -> {
            if (shard.seqNo() != null) {
                seqNos.put(id, shard.seqNo().maxSeqNo());
            }
        });
        return seqNos;
    }

    /** Every shard copy's stats, keyed by index / shard / node. */
    private Map<String, ShardStats> shardStats(String index) throws IOException {
        Map<String, ShardStats> copies = new HashMap<>();
        Map<String, IndicesStats> indices = client.indices().stats(s -> s.index(index).level(Level.Shards)).indices();
        indices.forEach((name, stats) -> stats.shards().forEach((shard, copiesOfShard) -> copiesOfShard.forEach(
                copy -> copies.put(name + "/" + shard + "/" + copy.routing().node(), copy))));
        return copies;
    }

    private long deletedDocs(String index) throws IOException {
        return client.indices().stats(s -> s.index(index).metric("docs")).all().total().docs().deleted();
    }
}

package io.hybridmatch.worker.tasks;

import io.hybridmatch.celery.worker.CeleryTaskHandler;
import io.hybridmatch.celery.worker.RetryTask;
import io.hybridmatch.celery.worker.TaskCall;
import io.hybridmatch.celery.worker.TaskParameters;
import io.hybridmatch.indexing.DocumentIndexer;
import io.hybridmatch.indexing.IndexOutcome;
import io.hybridmatch.indexing.IndexingUnavailableException;
import io.hybridmatch.indexing.PartialBulkFailureException;
import io.hybridmatch.indexing.PreparedDocument;
import io.hybridmatch.normalization.DocumentValues;
import io.hybridmatch.normalization.InvalidDocumentException;
import io.hybridmatch.search.elasticsearch.SearchIndex;
import io.hybridmatch.vector.VectorStoreUnavailableException;
import io.hybridmatch.worker.batching.MicroBatcher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Django side's indexing tasks (names and argument schemas in {@code contracts/tasks/}):
 * {@code hybridmatch.index_candidate(candidate)}, {@code hybridmatch.index_job_offer(job_offer)},
 * {@code hybridmatch.delete_candidate(candidate_id, deleted_at=None)},
 * {@code hybridmatch.delete_job_offer(job_offer_id, deleted_at=None)} and the bulk
 * {@code hybridmatch.index_candidates(candidates)}, {@code hybridmatch.index_job_offers(job_offers)}.
 *
 * <p>Only bad input fails a task ({@code ValueError}). Elasticsearch or the engine unavailable (no answer, timeout,
 * 429, 5xx) is never the task's fault: it is retried on the {@link InfrastructureRetry} schedule (a day by default),
 * then dead-lettered with the reason. A bulk task whose items were partly refused is retried with those items only.
 * Late retries cannot undo newer updates: Elasticsearch versions every write by {@code updated_at}.
 */
public final class IndexingTaskHandlers {

    private static final Logger log = LoggerFactory.getLogger(IndexingTaskHandlers.class);

    private final Supplier<DocumentIndexer> indexer;
    private final InfrastructureRetry retry;
    private final Clock clock;
    private final MeterRegistry registry;
    private final Map<SearchIndex, MicroBatcher<PreparedDocument, IndexOutcome>> batchers = new EnumMap<>(SearchIndex.class);

    /**
     * @param indexer    asked for by each task, not before: the worker builds it once it consumes
     * @param batchItems the most single-document tasks in flight indexed together ({@link #indexTogether})
     * @param linger     how long the first of them waits for others
     * @param parallelBatches the most batches indexed at once: their documents are ordered by Elasticsearch's
     *                   versions as those of two workers are ({@link DocumentIndexer})
     */
    public IndexingTaskHandlers(Supplier<DocumentIndexer> indexer, InfrastructureRetry retry, Clock clock,
                                MeterRegistry registry, int batchItems, Duration linger, int parallelBatches) {
        this.indexer = indexer;
        this.retry = retry;
        this.clock = clock;
        this.registry = registry;
        for (SearchIndex index : SearchIndex.values()) {
            batchers.put(index, new MicroBatcher<>(index.alias(), docs -> indexTogether(index, docs),
                    batchItems, linger, parallelBatches, IndexingTaskHandlers::unavailable));
        }
    }

    public List<CeleryTaskHandler> all() {
        return List.of(
                handler("hybridmatch.index_candidate", TaskParameters.required("candidate"),
                        call -> fresh(indexOne(SearchIndex.CANDIDATES, document(call, "candidate")))),
                handler("hybridmatch.index_job_offer", TaskParameters.required("job_offer"),
                        call -> fresh(indexOne(SearchIndex.JOB_OFFERS, document(call, "job_offer")))),
                handler("hybridmatch.delete_candidate", new TaskParameters(List.of("candidate_id", "deleted_at"), 1),
                        call -> delete(SearchIndex.CANDIDATES, call, "candidate_id")),
                handler("hybridmatch.delete_job_offer", new TaskParameters(List.of("job_offer_id", "deleted_at"), 1),
                        call -> delete(SearchIndex.JOB_OFFERS, call, "job_offer_id")),
                handler("hybridmatch.index_candidates", TaskParameters.required("candidates"),
                        call -> bulk(SearchIndex.CANDIDATES, call, "candidates")),
                handler("hybridmatch.index_job_offers", TaskParameters.required("job_offers"),
                        call -> bulk(SearchIndex.JOB_OFFERS, call, "job_offers")));
    }

    /**
     * One task's document, indexed with those of the other tasks in flight; the task still gets its own outcome. The
     * task normalises its document in its own thread first (an invalid one fails here, alone), so the batch's thread
     * is left with the stores and the model: normalising and building the sources of a batch there would hold up its
     * bulk request while the other tasks' threads wait.
     */
    private IndexOutcome indexOne(SearchIndex index, Map<String, Object> payload) {
        PreparedDocument doc = indexer.get().prepare(index, payload);
        return batchers.get(index).submit(List.of(doc)).getFirst();
    }

    /**
     * One Elasticsearch bulk request, one embedding run and one vector upsert for the documents of several tasks,
     * instead of a request, a run and an upsert each. A lone document takes the single-document path; a batch that
     * fails for another reason than a dependency being down is retried task by task ({@link MicroBatcher}), so each
     * task fails, retries or succeeds for its own document as if it had run alone.
     */
    private List<IndexOutcome> indexTogether(SearchIndex index, List<PreparedDocument> docs) {
        return docs.size() == 1 ? List.of(indexer.get().index(docs.getFirst()))
                : indexer.get().indexPrepared(index, docs);
    }

    /**
     * Elasticsearch or the engine down: every task of the batch is retried later, none alone now. Items refused in
     * part are not: each task then runs alone at once (those already written are accepted again, same version).
     */
    private static boolean unavailable(RuntimeException e) {
        return (e instanceof IndexingUnavailableException && !(e instanceof PartialBulkFailureException))
                || e instanceof VectorStoreUnavailableException;
    }

    /** Index freshness: {@code hybridmatch_index_freshness_seconds{index}}, from a document's updated_at to now. */
    private Map<String, Object> fresh(IndexOutcome outcome) {
        if (outcome.status().equals(IndexOutcome.INDEXED)) {
            Timer.builder("hybridmatch.index.freshness").tag("index", outcome.index()).publishPercentileHistogram()
                    .description("updated_at to indexed").register(registry)
                    .record(Duration.ofMillis(Math.max(0, clock.millis() - outcome.version())));
        }
        return outcome.toResult();
    }

    private Map<String, Object> delete(SearchIndex index, TaskCall call, String idArgument) {
        Object id = call.argument(idArgument);
        long checkedId = DocumentValues.id(id).orElseThrow(() ->
                new InvalidDocumentException(idArgument + " must be a non-negative integer, got " + id));
        Object at = call.argument("deleted_at");
        OffsetDateTime deletedAt;
        try {
            deletedAt = at == null ? OffsetDateTime.now(clock) : OffsetDateTime.parse(at.toString());
        } catch (DateTimeParseException e) {
            throw new InvalidDocumentException("deleted_at is not an ISO-8601 date-time with offset: " + at);
        }
        if (!DocumentValues.isVersionTime(deletedAt.toInstant())) {
            throw new InvalidDocumentException("deleted_at must be between 1970 and 9999, got " + at);
        }
        return indexer.get().delete(index, checkedId, deletedAt.toInstant()).toResult();
    }

    private Map<String, Object> bulk(SearchIndex index, TaskCall call, String argument) {
        if (!(call.argument(argument) instanceof List<?> list) || !list.stream().allMatch(Map.class::isInstance)) {
            throw new InvalidDocumentException(argument + " must be a list of objects");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> payloads = (List<Map<String, Object>>) list;
        List<IndexOutcome> outcomes;
        try {
            outcomes = indexer.get().indexAll(index, payloads);
        } catch (PartialBulkFailureException e) {
            List<Object> failed = e.failedItems().stream().map(i -> (Object) payloads.get(i)).toList();
            throw retryLater(call, e, List.of(failed));
        }
        return Map.of("index", index.alias(),
                "indexed", outcomes.stream().filter(o -> o.status().equals(IndexOutcome.INDEXED)).count(),
                "stale", outcomes.stream().filter(o -> o.status().equals(IndexOutcome.STALE)).map(IndexOutcome::id).toList());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> document(TaskCall call, String argument) {
        if (!(call.argument(argument) instanceof Map<?, ?> map)) {
            throw new InvalidDocumentException(argument + " must be an object (the serialised model)");
        }
        return (Map<String, Object>) map;
    }

    private interface Body {
        Object run(TaskCall call);
    }

    /** Unavailable Elasticsearch or engine: retried on the schedule, for the horizon. */
    private CeleryTaskHandler handler(String name, TaskParameters parameters, Body body) {
        return CeleryTaskHandler.of(name, parameters, Integer.MAX_VALUE, retry.horizon(), call -> {
            try {
                return body.run(call);
            } catch (IndexingUnavailableException | VectorStoreUnavailableException e) {
                throw retryLater(call, e, null);
            }
        });
    }

    /** The first retry of a task is logged; the later ones are counted ({@code outcome="retried"}). */
    private RetryTask retryLater(TaskCall call, RuntimeException cause, List<Object> args) {
        if (call.retries() == 0) {
            log.warn("{}[{}]: {}; retrying for up to {}", call.message().task(), call.id(), cause.getMessage(),
                    retry.horizon());
        }
        return new RetryTask(retry.countdown(call.retries()), cause, args);
    }
}

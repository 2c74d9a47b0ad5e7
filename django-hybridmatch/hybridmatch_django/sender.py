"""Sends the index and delete tasks of registered documents to the Java worker's queue."""
from .conf import celery_app, setting

BULK_SIZE = 500  # the bulk tasks take at most 1000 documents


def _options():
    return {'queue': setting('QUEUE')}


def send_index(document, instances):
    """One index task for one instance, bulk tasks otherwise. Returns the AsyncResults."""
    instances = list(instances)
    if len(instances) == 1:
        return [document.entity.index_one(celery_app(), document.serialize(instances[0]), **_options())]
    return send_bulk(document, instances)


def send_bulk(document, instances):
    """Bulk index tasks of at most BULK_SIZE instances. Returns the AsyncResults."""
    instances = list(instances)
    return [document.entity.index_many(celery_app(), [document.serialize(i) for i in instances[start:start + BULK_SIZE]],
                                       **_options())
            for start in range(0, len(instances), BULK_SIZE)]


def send_delete(document, pk, deleted_at):
    """deleted_at: an aware datetime; an update of the document newer than it keeps the document."""
    return document.entity.delete(celery_app(), pk, deleted_at=deleted_at.isoformat(), **_options())


def send_queryset(document, queryset, batch_size=BULK_SIZE, after_batch=None):
    """Bulk tasks for a queryset, read in primary-key order by batches; after_batch(last_pk, count, results) is
    called once each batch is sent (progress, checkpoints)."""
    last_pk = None
    while True:
        page = queryset.order_by('pk')
        if last_pk is not None:
            page = page.filter(pk__gt=last_pk)
        batch = list(page[:batch_size])
        if not batch:
            return
        results = send_bulk(document, batch)
        last_pk = batch[-1].pk
        if after_batch:
            after_batch(last_pk, len(batch), results)

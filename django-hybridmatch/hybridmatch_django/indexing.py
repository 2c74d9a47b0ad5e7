"""Saves and deletes of registered models become index/delete tasks once their transaction commits.

A rolled-back transaction (or savepoint) sends nothing; several saves of one object in a transaction send one
task, with the object as it was last saved. Bulk paths that send no signals have helpers here:

    with pause_indexing():                      # a bulk import: no task per row
        Candidate.objects.bulk_create(rows)
    index_queryset(Candidate.objects.filter(source='import-42'))

    update_and_index(Candidate.objects.filter(city='Lyon'), city='Lyon 2e')   # queryset.update() sends no signal
"""
import contextlib
import logging
import threading

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils import timezone

from .registry import registry
from .sender import send_delete, send_index, send_queryset

log = logging.getLogger(__name__)
_paused = threading.local()


@contextlib.contextmanager
def pause_indexing():
    """No task for saves and deletes in this block (this thread); index what changed afterwards with the helpers."""
    _paused.depth = getattr(_paused, 'depth', 0) + 1
    try:
        yield
    finally:
        _paused.depth -= 1


def indexing_paused():
    return getattr(_paused, 'depth', 0) > 0


class _CommitBatch:
    """What one transaction (or savepoint) changed, sent when it commits: the last action per object wins."""

    def __init__(self):
        self.actions = {}

    def index(self, document, instance):
        self.actions[(document, instance.pk)] = ('index', instance)

    def delete(self, document, pk, deleted_at):
        self.actions[(document, pk)] = ('delete', deleted_at)

    def __call__(self):
        to_index = {}
        for (document, pk), (action, value) in self.actions.items():
            try:
                if action == 'delete':
                    send_delete(document, pk, value)
                else:
                    to_index.setdefault(document, []).append(value)
            except Exception:  # the commit is done: hybridmatch_check repairs what could not be sent
                log.exception('hybridmatch: %s of %s %s not sent', action, document, pk)
        for document, instances in to_index.items():
            try:
                send_index(document, instances)
            except Exception:
                log.exception('hybridmatch: index of %s %s not sent', document, [i.pk for i in instances])


def _batch(using):
    """The batch of the current transaction and savepoint; a new one registered with on_commit if there is none.
    Outside a transaction, a fresh batch that on_commit runs at once when it is registered (after it is filled)."""
    connection = transaction.get_connection(using)
    if connection.in_atomic_block:
        # Django keeps on_commit callbacks as (savepoint ids, callback[, robust]); a rollback drops them, so a batch
        # found there belongs to a transaction still open. None stands for an atomic block without a savepoint.
        savepoints = set(connection.savepoint_ids) - {None}
        for registered in connection.run_on_commit:
            if isinstance(registered[1], _CommitBatch) and registered[0] - {None} == savepoints:
                return registered[1], False
    return _CommitBatch(), True


def _schedule(using, fill):
    batch, new = _batch(using)
    fill(batch)
    if new:
        transaction.on_commit(batch, using=using)


def _on_save(sender, instance, raw=False, using=None, **kwargs):
    document = registry.for_model(sender)
    if document is None or raw or indexing_paused():
        return
    _schedule(using, lambda batch: batch.index(document, instance))


def _on_delete(sender, instance, using=None, **kwargs):
    document = registry.for_model(sender)
    if document is None or indexing_paused():
        return
    pk, deleted_at = instance.pk, timezone.now()
    _schedule(using, lambda batch: batch.delete(document, pk, deleted_at))


def connect():
    post_save.connect(_on_save, dispatch_uid='hybridmatch_django.post_save')
    post_delete.connect(_on_delete, dispatch_uid='hybridmatch_django.post_delete')


def index_objects(instances, using=None):
    """Index these saved instances when the current transaction commits (e.g. what bulk_create returned)."""
    instances = list(instances)
    missing = [i for i in instances if i.pk is None]
    if missing:
        raise ValueError(f'{len(missing)} instances have no primary key (bulk_create on this database does not set '
                         f'them): use index_queryset() on what was inserted')
    documents = [_document(type(instance)) for instance in instances]

    def fill(batch):
        for document, instance in zip(documents, instances):
            batch.index(document, instance)
    _schedule(using, fill)


def index_queryset(queryset):
    """Index every row of the queryset, in bulk tasks, when the current transaction commits."""
    document = _document(queryset.model)
    transaction.on_commit(lambda: send_queryset(document, queryset), using=queryset.db)


def update_and_index(queryset, **values):
    """queryset.update(**values) (which sends no signal) and the updated rows indexed on commit. updated_at is set to
    now unless given, so the engine takes the new version. Returns the number of rows updated."""
    document = _document(queryset.model)
    values.setdefault(document.updated_at_field, timezone.now())
    with transaction.atomic(using=queryset.db):
        pks = list(queryset.values_list('pk', flat=True))
        count = queryset.model._default_manager.using(queryset.db).filter(pk__in=pks).update(**values)
        index_queryset(queryset.model._default_manager.using(queryset.db).filter(pk__in=pks))
    return count


def _document(model):
    document = registry.for_model(model)
    if document is None:
        raise LookupError(f'{model._meta.label} is not registered with hybridmatch_django.registry')
    return document

"""manage.py hybridmatch_check [app.Model ...] [--dry-run] [--wait SECONDS]"""
from django.core.management.base import CommandError
from django.utils import timezone

from hybridmatch_client import EngineError
from hybridmatch_django.conf import engine
from hybridmatch_django.management.base import DocumentsCommand
from hybridmatch_django.sender import send_delete, send_queryset


class Command(DocumentsCommand):
    help = ("Compares the database's ids and updated_at with the documents the engine holds (its "
            "/admin/consistency/<index>/documents, scope admin); re-enqueues rows that are missing or older in the "
            "engine and deletes documents the database no longer has. The database is the source of truth.")

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument('--dry-run', action='store_true', help='report only, send nothing')

    def handle(self, **options):
        documents = self.documents(options)
        results = []
        for document in documents:
            try:
                held = dict(engine().document_versions(document.entity.index))
            except EngineError as e:
                raise CommandError(f'{document.entity.index}: {e}')
            difference = Difference(document, held)
            self.stdout.write(difference.summary())
            if options['dry_run']:
                continue
            if difference.to_index:
                send_queryset(document, document.get_queryset().filter(pk__in=difference.to_index),
                              after_batch=lambda last_pk, count, batch: results.extend(batch))
            deleted_at = timezone.now()
            results.extend(send_delete(document, pk, deleted_at) for pk in difference.orphans)
        if options['dry_run']:
            self.stdout.write('dry run: nothing sent')
            return
        self.stdout.write(f'sent {len(results)} tasks')
        if options['wait'] is not None:
            outcomes = [result.get(timeout=options['wait']) for result in results]
            indexed = sum(o.get('indexed', 0) for o in outcomes) + sum(o.get('status') == 'indexed' for o in outcomes)
            deleted = sum(o.get('status') == 'deleted' for o in outcomes)
            self.stdout.write(f'worker: {indexed} indexed, {deleted} deleted')


class Difference:
    """The database's rows of a document against what the engine holds: missing, stale (older in the engine),
    orphans (in the engine only)."""

    def __init__(self, document, held):
        self.document = document
        rows = {pk: document.version(updated_at)
                for pk, updated_at in document.get_queryset().values_list('pk', document.updated_at_field).iterator()}
        self.rows = len(rows)
        self.held = len(held)
        self.missing = sorted(pk for pk in rows if pk not in held)
        self.stale = sorted(pk for pk, version in rows.items() if pk in held and held[pk] < version)
        self.orphans = sorted(pk for pk in held if pk not in rows)
        self.to_index = self.missing + self.stale

    def summary(self):
        return (f'{self.document.model._meta.label} -> {self.document.entity.index}: {self.rows} in the database, '
                f'{self.held} in the engine; missing {len(self.missing)} {_sample(self.missing)}, '
                f'stale {len(self.stale)} {_sample(self.stale)}, orphans {len(self.orphans)} {_sample(self.orphans)}')


def _sample(ids, size=10):
    return '[' + ', '.join(map(str, ids[:size])) + (', ...]' if len(ids) > size else ']')

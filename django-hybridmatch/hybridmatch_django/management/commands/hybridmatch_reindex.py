"""manage.py hybridmatch_reindex [app.Model ...] [--since DATE] [--batch-size N] [--resume] [--wait SECONDS]"""
import json
import os

from django.core.management.base import CommandError
from django.utils.dateparse import parse_date, parse_datetime

from hybridmatch_django.documents import aware
from hybridmatch_django.management.base import DocumentsCommand
from hybridmatch_django.progress import ProgressBar
from hybridmatch_django.sender import BULK_SIZE, send_queryset


class Command(DocumentsCommand):
    help = ('Sends every row of the registered models (or of those named) to the Java worker in bulk index tasks. '
            'Interrupted, it goes on with --resume from the last batch sent (recorded in --state).')

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument('--since', help='only rows updated at or after this date or date-time (ISO-8601)')
        parser.add_argument('--batch-size', type=int, default=BULK_SIZE, help='rows per bulk task (max 1000)')
        parser.add_argument('--state', default='.hybridmatch_reindex.json',
                            help='where the last primary key sent per model is kept until the run ends')
        parser.add_argument('--resume', action='store_true', help='start after what --state records')

    def handle(self, **options):
        if not 1 <= options['batch_size'] <= 1000:
            raise CommandError('--batch-size: 1 to 1000')
        since = _since(options['since'])
        state = Checkpoints(options['state'], options['resume'])
        documents = self.documents(options)
        results = []
        for document in documents:
            label = document.model._meta.label
            queryset = document.get_queryset()
            if since:
                queryset = queryset.filter(**{document.updated_at_field + '__gte': since})
            resumed_after = state.last(label)
            if resumed_after is not None:
                queryset = queryset.filter(pk__gt=resumed_after)
                self.stdout.write(f'{label}: resuming after primary key {resumed_after}')
            bar = ProgressBar(self.stdout, f'{label} -> {document.entity.index}', queryset.count())

            def sent(last_pk, count, batch_results, label=label, bar=bar):
                state.record(label, last_pk)
                bar.advance(count)
                results.extend(batch_results)
            send_queryset(document, queryset, options['batch_size'], sent)
            if bar.total == 0:
                bar.advance(0)
        state.finish()
        self.stdout.write(f'sent {len(results)} bulk tasks')
        if options['wait'] is not None:
            indexed = stale = 0
            for result in results:
                outcome = result.get(timeout=options['wait'])
                indexed += outcome['indexed']
                stale += len(outcome['stale'])
            self.stdout.write(f'worker: {indexed} indexed, {stale} stale (the engine holds a newer version)')


class Checkpoints:
    """The last primary key sent per model, in a JSON file that exists only while a run is unfinished."""

    def __init__(self, path, resume):
        self.path = path
        self.sent = {}
        if resume:
            if not os.path.exists(path):
                raise CommandError(f'--resume: no {path} (the last run finished, or ran elsewhere)')
            with open(path) as f:
                self.sent = json.load(f)
        self.resumed = dict(self.sent)

    def last(self, label):
        return self.resumed.get(label)

    def record(self, label, pk):
        self.sent[label] = pk
        with open(self.path + '.tmp', 'w') as f:
            json.dump(self.sent, f)
        os.replace(self.path + '.tmp', self.path)

    def finish(self):
        if os.path.exists(self.path):
            os.remove(self.path)


def _since(text):
    if not text:
        return None
    moment = parse_datetime(text)
    if moment is None:
        day = parse_date(text)
        if day is None:
            raise CommandError(f'--since {text!r}: not an ISO-8601 date or date-time')
        moment = parse_datetime(day.isoformat() + 'T00:00:00')
    return aware(moment)

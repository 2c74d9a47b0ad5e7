from django.core.management.base import BaseCommand, CommandError

from hybridmatch_django.registry import registry


class DocumentsCommand(BaseCommand):
    """A command over the registered documents, or those of the models named, that may wait for the worker."""

    def add_arguments(self, parser):
        parser.add_argument('models', nargs='*', metavar='app.Model', help='default: every registered model')
        parser.add_argument('--wait', type=float, metavar='SECONDS',
                            help="wait for the worker's results (needs a result backend) and count them")

    def documents(self, options):
        try:
            return registry.documents(options['models'])
        except LookupError as e:
            raise CommandError(e)

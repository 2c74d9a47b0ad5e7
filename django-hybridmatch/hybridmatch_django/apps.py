from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules


class HybridmatchConfig(AppConfig):
    name = 'hybridmatch_django'
    verbose_name = 'hybridmatch'

    def ready(self):
        # each installed app's documents.py registers its Document classes, as admin.py registers ModelAdmins
        autodiscover_modules('documents')
        from . import indexing
        indexing.connect()

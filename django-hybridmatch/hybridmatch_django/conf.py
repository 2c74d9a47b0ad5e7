"""The package's settings: the HYBRIDMATCH dict of the Django settings.

    HYBRIDMATCH = {
        'ENGINE_URL': 'http://127.0.0.1:8080',   # the matching engine
        'API_KEY': '...',                         # its API key (scope match; admin for hybridmatch_check)
        'CELERY_APP': 'mysite.celery.app',        # dotted path; default: Celery's current app
        'QUEUE': 'hybridmatch',                   # the Java worker's queue
        'TIMEOUT': 30,                            # seconds, HTTP calls to the engine
    }
"""
from celery import current_app
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

from hybridmatch_client import EngineClient, tasks

DEFAULTS = {'ENGINE_URL': 'http://127.0.0.1:8080', 'API_KEY': None, 'CELERY_APP': None, 'QUEUE': tasks.QUEUE,
            'TIMEOUT': 30}


def setting(name):
    configured = getattr(settings, 'HYBRIDMATCH', {})
    unknown = set(configured) - set(DEFAULTS)
    if unknown:
        raise ImproperlyConfigured(f"HYBRIDMATCH has unknown keys {sorted(unknown)}; known: {sorted(DEFAULTS)}")
    return configured.get(name, DEFAULTS[name])


def engine():
    """A client of the engine with the configured URL and key (unset: the HYBRIDMATCH_API_KEY environment variable)."""
    return EngineClient(setting('ENGINE_URL'), timeout=setting('TIMEOUT'), api_key=setting('API_KEY'))


def celery_app():
    path = setting('CELERY_APP')
    return import_string(path) if path else current_app

"""The client's Celery app (what a Django project would hold), also `-A conformance.client` for the celery CLI."""
from celery import Celery

from conformance import settings

app = settings.configure(Celery('conformance-client'))

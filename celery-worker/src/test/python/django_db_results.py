"""A Django project's Celery app with django-celery-results (`result_backend = 'django-db'`) on PostgreSQL.

env DATABASE (database name on 127.0.0.1:5432, user postgres), QUEUE. As a script:
  django_db_results.py migrate   creates django-celery-results' tables
  django_db_results.py client    sends tasks.add and tests.fail, prints one JSON line: outcomes and stored rows
As a Celery app (`celery -A django_db_results worker`), the Python worker that the Java worker is compared with.
"""
import json
import os
import sys

import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=['django_celery_results'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.postgresql', 'HOST': '127.0.0.1', 'PORT': 5432,
                           'NAME': os.environ['DATABASE'], 'USER': 'postgres'}},
    USE_TZ=True, TIME_ZONE='UTC')
django.setup()

from celery import Celery  # noqa: E402  (after django.setup, as a Django project's celery.py)

app = Celery('recruiting', broker='amqp://guest:guest@127.0.0.1:5672//', backend='django-db')
app.conf.task_routes = {'tests.*': {'queue': os.environ['QUEUE']}}


@app.task(name='tests.add')
def add(x, y):
    return x + y


@app.task(name='tests.fail')
def fail(message):
    raise ValueError(message)


def outcome(result):
    try:
        return {'state': 'SUCCESS', 'value': result.get(timeout=30)}
    except Exception as e:  # noqa: BLE001 - report whatever Celery raises, as the Django side sees it
        return {'state': result.state, 'type': type(e).__name__, 'message': str(e)}


def row(task_id):
    """The stored row as Django's ORM reads it, without what differs per run (ids, times, stack text)."""
    from django_celery_results.models import TaskResult
    r = TaskResult.objects.get(task_id=task_id)
    return {'status': r.status, 'content_type': r.content_type, 'content_encoding': r.content_encoding,
            'result': r.result, 'meta': r.meta, 'has_traceback': bool(r.traceback), 'task_name': r.task_name,
            'task_args': r.task_args, 'task_kwargs': r.task_kwargs, 'worker': r.worker,
            'periodic_task_name': r.periodic_task_name, 'dates_set': bool(r.date_created and r.date_done)}


def client():
    added = app.send_task('tests.add', args=[2, 3])
    failed = app.send_task('tests.fail', args=['bad profile'])
    out = {'add': outcome(added), 'fail': outcome(failed)}
    out['rows'] = {'add': row(added.id), 'fail': row(failed.id)}
    return out


if __name__ == '__main__':
    if sys.argv[1] == 'migrate':
        from django.core.management import call_command
        call_command('migrate', 'django_celery_results', verbosity=0)
        print(json.dumps({'migrated': True}))
    else:
        print(json.dumps(client()))

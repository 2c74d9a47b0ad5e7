"""Indexing tasks from Python: `indexing_client.py <scenario> [arg]` prints one JSON line.

Scenarios: django_save <id> (a minimal Django project saves a Candidate; its post_save signal enqueues the task),
django_delete <id>, stale <id> (an update older than the indexed one), invalid. DJANGO_DATABASE names the SQLite file
the scenarios share (the caller's temporary directory).
"""
import json
import os
import sys

import django
from django.conf import settings

settings.configure(
    INSTALLED_APPS=['django.contrib.contenttypes', 'recruiting.apps.RecruitingConfig'],
    DATABASES={'default': {'ENGINE': 'django.db.backends.sqlite3', 'NAME': os.environ['DJANGO_DATABASE']}},
    USE_TZ=True, DEFAULT_AUTO_FIELD='django.db.models.AutoField')
django.setup()

from django.db import connection  # noqa: E402

from hybridmatch_client import tasks  # noqa: E402 - the Django package's client, as Django would import it
from interop_app import app  # noqa: E402
from recruiting import signals  # noqa: E402
from recruiting.models import Candidate  # noqa: E402

TIMEOUT = 60


def results():
    return [r.get(timeout=TIMEOUT) for r in signals.SENT]


def ensure_table():
    if Candidate._meta.db_table not in connection.introspection.table_names():
        with connection.schema_editor() as editor:
            editor.create_model(Candidate)


def django_save(candidate_id):
    ensure_table()
    Candidate.objects.filter(id=candidate_id).delete()
    signals.SENT.clear()
    Candidate(id=candidate_id, first_name='Inès', last_name='Martin', headline='Infirmière de nuit',
              summary='Soins intensifs, urgences, prise en charge des patients.', skills=['Soins infirmiers', 'SST'],
              location='Lille', experience_years=7).save()
    return {'results': results()}


def django_delete(candidate_id):
    ensure_table()
    signals.SENT.clear()
    Candidate.objects.get(id=candidate_id).delete()
    return {'results': results()}


def stale(candidate_id):
    old = {'candidate_id': candidate_id, 'headline': 'Pastry chef', 'updated_at': '2001-01-01T00:00:00+00:00'}
    return {'result': tasks.index_candidate(app, old).get(timeout=TIMEOUT)}


def invalid():
    try:
        tasks.index_candidate(app, {'candidate_id': 'abc'}).get(timeout=TIMEOUT)
        return {'raised': None}
    except Exception as e:  # noqa: BLE001
        return {'raised': type(e).__name__, 'message': str(e)}


if __name__ == '__main__':
    scenario = globals()[sys.argv[1]]
    print(json.dumps(scenario(*[int(a) for a in sys.argv[2:]])))

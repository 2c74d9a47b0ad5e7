"""Records the task messages Celery 5.2 publishes for each hybridmatch task, as the contract's sample messages.

    /usr/bin/python3 contracts/python/record_task_samples.py > contracts/src/main/resources/contracts/samples/tasks.celery-5.2.6.json

Needs RabbitMQ on 127.0.0.1; publishes to a temporary queue and reads the raw messages back (nothing consumes them).
"""
import datetime
import json
import os
import sys
import uuid

import amqp
from celery import Celery

sys.path.insert(0, os.path.join(os.path.dirname(__file__), '..', '..', 'django-hybridmatch'))
from hybridmatch_client import tasks  # noqa: E402

QUEUE = 'record-' + uuid.uuid4().hex[:8]
app = Celery('django_side', broker='amqp://guest:guest@127.0.0.1:5672//', backend='rpc://')
app.conf.task_routes = {'hybridmatch.*': {'queue': QUEUE}}

CANDIDATE = {'candidate_id': 42, 'first_name': 'Camille', 'last_name': 'Durand', 'headline': 'Développeuse Java senior',
             'summary': 'Backend Spring Boot, Kafka, PostgreSQL.', 'skills': ['Java', 'Spring Boot', 'Postgres', 'K8s'],
             'location': 'Paris', 'experience_years': 8, 'languages': ['Français', 'Anglais'], 'tenant_id': 'acme',
             'updated_at': '2026-11-02T09:00:00.123Z'}
OFFER = {'job_offer_id': 7, 'title': 'Senior Backend Engineer (Java)', 'company': 'Acme',
         'description': 'Kafka pipelines on AWS; K8s is a plus.', 'location': 'Lyon', 'seniority': 'senior',
         'is_remote': False, 'required_skills': ['Java', 'Spring'], 'posted_at': '2026-11-01T10:00:00Z',
         'updated_at': '2026-11-03T10:00:00Z', 'tenant_id': 'acme'}


def jsonable(value):
    if isinstance(value, (bytes, bytearray)):
        return value.decode()
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(v) for v in value]
    return value


def main():
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest')
    conn.connect()
    channel = conn.channel()
    try:
        tasks.index_candidate(app, CANDIDATE)
        tasks.index_job_offer(app, OFFER)
        tasks.delete_candidate(app, 42, deleted_at='2026-11-04T08:00:00+00:00')
        tasks.delete_job_offer(app, 7)
        tasks.index_candidates(app, [CANDIDATE, dict(CANDIDATE, candidate_id=43, headline='Data engineer')])
        tasks.index_job_offers(app, [OFFER])
        app.send_task('hybridmatch.index_candidate', kwargs={'candidate': CANDIDATE})
        samples = []
        while True:
            message = channel.basic_get(QUEUE, no_ack=True)
            if message is None:
                break
            properties = dict(message.properties)
            headers = properties.pop('application_headers', {})
            samples.append({'properties': jsonable(properties), 'headers': jsonable(headers),
                            'body': message.body if isinstance(message.body, str) else message.body.decode('utf-8')})
        print(json.dumps(samples, indent=1, ensure_ascii=False))
    finally:
        channel.queue_delete(QUEUE)
        conn.close()


if __name__ == '__main__':
    main()

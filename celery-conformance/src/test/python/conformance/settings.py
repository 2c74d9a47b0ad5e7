"""Celery configuration shared by the oracle worker's app and the client, as a Django project shares its settings.

Environment: CONFORMANCE_BACKEND (rpc:// or redis://...), CONFORMANCE_QUEUE (the queue the worker under test
consumes); CONFORMANCE_BROKER defaults to the local RabbitMQ.
"""
import os

BROKER = os.environ.get('CONFORMANCE_BROKER', 'amqp://guest:guest@127.0.0.1:5672//')
BACKEND = os.environ['CONFORMANCE_BACKEND']
QUEUE = os.environ['CONFORMANCE_QUEUE']
#: where task_routes sends the Python-only callbacks of `pyonly.routed.*`; `pyonly.*` others go to the default `celery`
ROUTED_QUEUE = QUEUE + '.routed'
#: a queue declared with x-max-priority, consumed after add_consumer
PRIORITY_QUEUE = QUEUE + '.priority'


def configure(app):
    app.conf.update(
        broker_url=BROKER,
        result_backend=BACKEND,
        task_routes={'conformance.*': {'queue': QUEUE}, 'pyonly.routed.*': {'queue': ROUTED_QUEUE}},
        result_expires=600,
        broker_connection_retry_on_startup=False,
        worker_hijack_root_logger=False,
    )
    return app

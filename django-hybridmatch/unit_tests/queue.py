"""The tasks a test sent, read back from a RabbitMQ queue of its own (real Celery publishing, real broker)."""
import json
import time
import uuid

from django.test import override_settings

from hybridmatch_django.conf import celery_app

SENTINEL = 'unit_tests.sentinel'


class SentTasks:
    """A fresh queue per test, named in HYBRIDMATCH['QUEUE']; sent() reads what was published there so far."""

    def __init__(self):
        self.name = 'hm-unit-' + uuid.uuid4().hex[:10]
        self.override = override_settings(HYBRIDMATCH=_settings_with_queue(self.name))

    def __enter__(self):
        self.override.enable()
        return self

    def __exit__(self, *exc):
        self.override.disable()
        with celery_app().connection_for_write() as connection:
            connection.default_channel.queue_delete(self.name)

    def sent(self, timeout=20):
        """(task name, args, kwargs) of every message published to the queue since the last call. A sentinel task is
        published last through the same producer, so everything sent before it has arrived when it is read."""
        app = celery_app()
        app.send_task(SENTINEL, queue=self.name)
        found = []
        deadline = time.monotonic() + timeout
        with app.connection_for_read() as connection:
            channel = connection.default_channel
            while time.monotonic() < deadline:
                message = channel.basic_get(self.name, no_ack=True)
                if message is None:
                    time.sleep(0.05)
                    continue
                task = message.headers['task']
                if task == SENTINEL:
                    return found
                args, kwargs, _ = json.loads(message.body)
                found.append((task, args, kwargs))
        raise AssertionError(f'the sentinel did not arrive on {self.name} within {timeout} s; read {found}')


def _settings_with_queue(name):
    from django.conf import settings
    return dict(getattr(settings, 'HYBRIDMATCH', {}), QUEUE=name)

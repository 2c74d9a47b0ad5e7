"""The conformance tasks as a Python Celery worker runs them (`celery -A conformance.tasks worker`).

The Java worker under test registers the same names with the same behaviour (ConformanceTasks.java).
"""
import builtins
import time

from celery import Celery

from conformance import settings

app = settings.configure(Celery('conformance'))


class ConformanceError(Exception):
    """An application exception type, not a builtin."""


@app.task(name='conformance.add')
def add(x, y):
    return x + y


@app.task(name='conformance.echo')
def echo(value):
    return value


@app.task(name='conformance.fail')
def fail(exc_type, message=None):
    cls = ConformanceError if exc_type == 'ConformanceError' else getattr(builtins, exc_type)
    raise cls() if message is None else cls(message)


@app.task(name='conformance.sleep')
def sleep(seconds):
    time.sleep(seconds)
    return seconds


@app.task(name='conformance.limited')
def limited(seconds):
    """sleep's twin whose time limits the control scenarios change."""
    time.sleep(seconds)
    return seconds


@app.task(name='conformance.tracked', track_started=True)
def tracked(seconds):
    time.sleep(seconds)
    return seconds


@app.task(name='conformance.progress', bind=True)
def progress(self, steps, interval):
    for step in range(steps):
        self.update_state(state='PROGRESS', meta={'current': step, 'total': steps})
        time.sleep(interval)
    return {'current': steps, 'total': steps}


@app.task(name='conformance.retry', bind=True, max_retries=2)
def retry(self, times, countdown, with_exc=True):
    if self.request.retries < times:
        exc = ValueError(f'attempt {self.request.retries}') if with_exc else None
        raise self.retry(countdown=countdown, exc=exc)
    return {'attempts': self.request.retries + 1}


@app.task(name='conformance.ignored', ignore_result=True)
def ignored(value):
    return value


@app.task(name='conformance.ignored_fail', ignore_result=True)
def ignored_fail(message):
    raise ValueError(message)


@app.task(name='conformance.total')
def total(values):
    return sum(values)

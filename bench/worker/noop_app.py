"""The same no-op task for Python's Celery worker, and the load driver's app (env QUEUE, BACKEND)."""
import os

from celery import Celery

app = Celery('bench', broker=os.environ.get('CELERY_BROKER_URL', 'amqp://guest:guest@127.0.0.1:5672//'), backend=os.environ.get('BACKEND', 'redis://127.0.0.1:6379/1'))
app.conf.task_routes = {'bench.*': {'queue': os.environ.get('QUEUE', 'bench-noop')}}
app.conf.result_expires = 600


@app.task(name='bench.noop')
def noop(i):
    return i

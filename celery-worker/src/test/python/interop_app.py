"""The Django side's Celery app as the interop tests configure it: env BACKEND (rpc:// or redis://...), QUEUE."""
import os

from celery import Celery

app = Celery('interop', broker=os.environ.get('BROKER', 'amqp://guest:guest@127.0.0.1:5672//'),
             backend=os.environ['BACKEND'])
app.conf.task_routes = {'tests.*': {'queue': os.environ['QUEUE']}, 'hybridmatch.*': {'queue': os.environ['QUEUE']}}
app.conf.result_expires = 600

"""The Celery app of record_canvas_samples.py: a real Python worker runs the rc.* tasks (queue $QUEUE); follow-ups
to other tasks land in queues nobody consumes ($QUEUE.other by task_routes, $QUEUE.default by default) so the
recorder can read exactly what Celery's worker publishes."""
import os

from celery import Celery

QUEUE = os.environ['QUEUE']
app = Celery('rc', broker='amqp://guest:guest@127.0.0.1:5672//', backend=os.environ['BACKEND'])
app.conf.task_default_queue = QUEUE + '.default'
app.conf.task_routes = {'rc.*': {'queue': QUEUE}, 'other.*': {'queue': QUEUE + '.other'}}
app.conf.result_extended = os.environ.get('EXTENDED') == '1'
app.conf.task_track_started = os.environ.get('TRACK_STARTED') == '1'
app.conf.result_expires = 600


@app.task(name='rc.add')
def add(x, y):
    return x + y


@app.task(name='rc.fail')
def fail(message):
    raise ValueError(message)


@app.task(name='rc.progress', bind=True)
def progress(self, total):
    for i in range(total):
        self.update_state(state='PROGRESS', meta={'current': i + 1, 'total': total})
    return total


@app.task(name='rc.collect')
def collect(values):
    return values


@app.task(name='rc.quiet', ignore_result=True)
def quiet(x):
    return x

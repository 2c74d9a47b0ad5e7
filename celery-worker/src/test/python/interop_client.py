"""Plays the Django side against the Java worker: `interop_client.py <scenario>` prints one JSON line of outcomes."""
import json
import sys
import time

from celery.result import AsyncResult
from kombu import Connection, Exchange, Producer

from interop_app import app

TIMEOUT = 30


def outcome(result):
    """The value, or the exception Celery raises in get(), as the Python team would see them."""
    try:
        return {'state': 'SUCCESS', 'value': result.get(timeout=TIMEOUT)}
    except Exception as e:  # noqa: BLE001 - the point is to report whatever Celery raises
        return {'state': result.state, 'type': type(e).__name__, 'module': type(e).__module__, 'message': str(e)}


def basics():
    return {
        'add': outcome(app.send_task('tests.add', args=[2, 3])),
        'kwargs': outcome(app.send_task('tests.add', kwargs={'x': 1.5, 'y': 2})),
        'fail': outcome(app.send_task('tests.fail', args=['bad profile'])),
        'retry': outcome(app.send_task('tests.flaky', args=[2])),
        'give_up': outcome(app.send_task('tests.flaky', args=[10])),
        'time_limit': outcome(app.send_task('tests.sleep', args=[5], soft_time_limit=1)),
    }


def timing():
    start = time.time()
    later = app.send_task('tests.add', args=[1, 1], countdown=5)
    now = app.send_task('tests.add', args=[5, 5])
    first = outcome(now)
    first_at = time.time() - start
    second = outcome(later)
    second_at = time.time() - start
    expired = outcome(app.send_task('tests.add', args=[1, 2], countdown=3, expires=1))
    return {'now': first, 'now_after': first_at, 'later': second, 'later_after': second_at, 'expired': expired}


def link():
    callback = app.signature('tests.add', args=(10,))
    callback.freeze()
    parent = app.send_task('tests.add', args=[2, 3], link=callback)
    return {'parent': outcome(parent), 'callback': outcome(AsyncResult(callback.id, app=app))}


def control():
    inspect = app.control.inspect(timeout=3)
    return {'ping': inspect.ping(), 'registered': inspect.registered()}


def poison():
    queue = app.conf.task_routes['tests.*']['queue']
    with Connection(app.conf.broker_url) as conn:
        producer = Producer(conn.channel(), exchange=Exchange(''), routing_key=queue)
        producer.publish(b'\x80\x04K\x01.', content_type='application/x-python-serialize', content_encoding='binary',
                         headers={'task': 'tests.add', 'id': 'pickle-1'})
        producer.publish(b'[[1, 2], {}, {', content_type='application/json', content_encoding='utf-8',
                         headers={'task': 'tests.add', 'id': 'badjson-1'})
    arity = app.send_task('tests.add', args=[1, 2, 3])
    unknown = app.send_task('tests.nope', args=[])
    huge = app.send_task('tests.add', args=['x' * (50 * 1024 * 1024), 1])
    good = app.send_task('tests.add', args=[20, 22])
    return {'arity': outcome(arity), 'unknown': outcome(unknown), 'good': outcome(good), 'huge_id': huge.id}


def events():
    """Listens on celeryev while a task runs, as Flower does; returns the event types seen per hostname."""
    import threading
    seen = []
    with app.connection_for_read() as conn:
        receiver = app.events.Receiver(conn, handlers={'*': lambda event: seen.append(event)})
        thread = threading.Thread(target=lambda: receiver.capture(limit=None, timeout=8, wakeup=False), daemon=True)
        thread.start()
        time.sleep(1)
        value = outcome(app.send_task('tests.add', args=[4, 4]))
        thread.join(10)
    return {'value': value, 'types': sorted({e['type'] for e in seen}),
            'hostnames': sorted({e.get('hostname') for e in seen if e.get('hostname')})}


def revoke():
    task_id = 'revoked-' + str(time.time())
    app.control.revoke(task_id)
    time.sleep(0.5)
    return {'revoked': outcome(app.send_task('tests.add', args=[1, 1], task_id=task_id)),
            'other': outcome(app.send_task('tests.add', args=[2, 2]))}


def send_batch():
    """A slow task then quick ones, without waiting: prints their ids."""
    ids = [app.send_task('tests.sleep', args=[3]).id] + [app.send_task('tests.add', args=[i, i]).id for i in range(3)]
    return {'ids': ids}


def wait_results():
    return {'results': [outcome(AsyncResult(task_id, app=app)) for task_id in sys.argv[2].split(',')]}


if __name__ == '__main__':
    print(json.dumps(globals()[sys.argv[1]]()))

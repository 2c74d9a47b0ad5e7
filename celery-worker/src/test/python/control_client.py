"""Remote control of one worker as Flower and `celery control` use it: `control_client.py <scenario> <node>` prints one
JSON line. Scenarios that need a running task start it themselves and wait for it with bounded timeouts."""
import json
import sys
import time

from celery.result import AsyncResult

from interop_app import app
from interop_client import outcome

NODE = sys.argv[2] if len(sys.argv) > 2 else None


def broadcast(command, **arguments):
    """The node's reply, or None when it did not answer within 5 s."""
    replies = app.control.broadcast(command, arguments=arguments, destination=[NODE], reply=True, timeout=5)
    return replies[0][NODE] if replies else None


def wait_until(predicate, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(0.2)
    return None


def running():
    """A task seen by inspect active and query_task while it runs, then terminated by revoke(terminate=True)."""
    task = app.send_task('tests.sleep', args=[30])
    active = wait_until(lambda: [t for t in broadcast('active') or [] if t['id'] == task.id])
    safe = broadcast('active', safe=True)
    query = broadcast('query_task', ids=[task.id, 'unknown-id'])
    terminate = broadcast('revoke', task_id=task.id, terminate=True, signal='SIGTERM')
    result = outcome(task)
    later = app.send_task('tests.add', args=[7, 7], countdown=60)
    scheduled = wait_until(lambda: [s for s in broadcast('scheduled') or [] if s['request']['id'] == later.id])
    app.control.revoke(later.id)
    return {'active': active, 'safe': safe, 'query': query, 'terminate': terminate, 'result': result,
            'scheduled': scheduled,
            'meta_status': app.backend.get_task_meta(task.id)['status'],
            'after': broadcast('active')}


def limits():
    """rate_limit spaces runs of a task; time_limit applies to later runs; both answer as Celery does."""
    replies = {'rate': broadcast('rate_limit', task_name='tests.add', rate_limit='30/m'),
               'registered': broadcast('registered'),
               'alias': broadcast('dump_tasks'),
               'bad_unit': broadcast('rate_limit', task_name='tests.add', rate_limit='1/y'),
               'bad_count': broadcast('rate_limit', task_name='tests.add', rate_limit='x/s'),
               'unknown': broadcast('rate_limit', task_name='tests.nope', rate_limit='1/s'),
               'missing': broadcast('rate_limit', task_name='tests.add'),
               'no_such_command': broadcast('nosuch')}
    start = time.time()
    limited = [app.send_task('tests.add', args=[i, i]) for i in range(3)]
    replies['limited'] = [outcome(r) for r in limited]
    replies['limited_seconds'] = time.time() - start
    replies['rate_off'] = broadcast('rate_limit', task_name='tests.add', rate_limit='')
    replies['time'] = broadcast('time_limit', task_name='tests.sleep', soft=1, hard=10)
    replies['time_unknown'] = broadcast('time_limit', task_name='tests.nope', soft=1)
    replies['limited_sleep'] = outcome(app.send_task('tests.sleep', args=[5]))
    broadcast('time_limit', task_name='tests.sleep', soft=None, hard=None)
    return replies


def pool_and_queues():
    """Concurrency and consumed queues changed at run time."""
    extra = app.conf.task_routes['tests.*']['queue'] + '-extra'
    replies = {'grow': broadcast('pool_grow', n=2), 'after_grow': broadcast('stats')['pool'],
               'shrink': broadcast('pool_shrink', n=1), 'after_shrink': broadcast('stats')['pool'],
               'shrink_all': broadcast('pool_shrink', n=50),
               'autoscale': broadcast('autoscale', max=4, min=1),
               'add': broadcast('add_consumer', queue=extra)}
    replies['queues'] = wait_until(lambda: (lambda qs: qs if len(qs) == 2 else None)(broadcast('active_queues')))
    replies['on_extra'] = outcome(app.send_task('tests.add', args=[20, 22], queue=extra))
    replies['cancel'] = broadcast('cancel_consumer', queue=extra)
    replies['queues_after'] = wait_until(lambda: (lambda qs: qs if len(qs) == 1 else None)(broadcast('active_queues')))
    delete_queue(extra)
    return replies


def delete_queue(name=None):
    """Removes a test queue and its exchange from the broker."""
    name = name or app.conf.task_routes['tests.*']['queue']
    with app.connection_for_write() as conn:
        conn.default_channel.queue_delete(name)
        conn.default_channel.exchange_delete(name)
    return {'deleted': name}


def events():
    """Worker events without -E; task events after enable_events only; the remote heartbeat."""
    seen = []
    import threading
    with app.connection_for_read() as conn:
        receiver = app.events.Receiver(conn, handlers={'*': seen.append})
        thread = threading.Thread(target=lambda: receiver.capture(limit=None, timeout=12, wakeup=False), daemon=True)
        thread.start()
        time.sleep(1.5)
        quiet = outcome(app.send_task('tests.add', args=[1, 1]))
        enable = broadcast('enable_events')
        enable_again = broadcast('enable_events')
        heartbeat = broadcast('heartbeat')
        loud = app.send_task('tests.add', args=[2, 2])
        loud_outcome = outcome(loud)
        expired = outcome(app.send_task('tests.add', args=[3, 3], expires=-1))
        time.sleep(1.5)
        disable = broadcast('disable_events')
        thread.join(15)
    mine = [e for e in seen if e.get('hostname') == NODE]
    return {'quiet': quiet, 'loud': loud_outcome, 'expired': expired, 'enable': enable, 'enable_again': enable_again,
            'heartbeat': heartbeat, 'disable': disable, 'loud_id': loud.id,
            'types': [e['type'] for e in mine],
            'requested_heartbeats': [e for e in mine if e['type'] == 'worker-heartbeat' and e.get('freq') == 5],
            'task_events': [e for e in mine if e['type'].startswith('task-')]}


def flower_state():
    """celery.events.state.State, as Flower keeps it, fed for 4 s: the worker is alive and its task tracked."""
    from celery.events.state import State
    import threading
    state = State()
    broadcast('enable_events')
    with app.connection_for_read() as conn:
        receiver = app.events.Receiver(conn, handlers={'*': state.event})
        thread = threading.Thread(target=lambda: receiver.capture(limit=None, timeout=6, wakeup=False), daemon=True)
        thread.start()
        time.sleep(1.5)
        task = app.send_task('tests.add', args=[5, 6])
        value = outcome(task)
        time.sleep(2.5)
        worker = state.workers.get(NODE)
        tracked = state.tasks.get(task.id)
        result = {'value': value, 'alive': bool(worker and worker.alive), 'heartbeats': len(worker.heartbeats) if worker else 0,
                  'task_state': tracked.state if tracked else None, 'task_name': tracked.name if tracked else None,
                  'task_worker': tracked.worker.hostname if tracked and tracked.worker else None}
        thread.join(10)
    broadcast('disable_events')
    return result


def shutdown():
    app.control.broadcast('shutdown', destination=[NODE])
    gone = wait_until(lambda: not app.control.ping(destination=[NODE], timeout=1), timeout=60)
    return {'gone': bool(gone)}


def revoke_on_node():
    """Once the node answers ping, revokes argv[3] there (the id a worker starting later learns by mingle)."""
    alive = wait_until(lambda: app.control.ping(destination=[NODE], timeout=1), timeout=60)
    return {'alive': bool(alive), 'reply': broadcast('revoke', task_id=sys.argv[3])}


def wait_result():
    return outcome(AsyncResult(sys.argv[3], app=app))


if __name__ == '__main__':
    print(json.dumps(globals()[sys.argv[1]]()))

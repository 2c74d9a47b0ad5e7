"""Plays the Django side against the Java worker for compression, routing, canvas, states and result meta:
`canvas_client.py` prints one JSON line of what the client observed. Env: QUEUE (the worker consumes QUEUE and
QUEUE-b), BACKEND (redis://.../6)."""
import json
import os
import sys
import time

import amqp
from celery import Celery, chain, chord, group, signature
from celery.result import AsyncResult
from celery_progress.backend import Progress
from kombu import Queue

QUEUE = os.environ['QUEUE']
app = Celery('canvas', broker='amqp://guest:guest@127.0.0.1:5672//', backend=os.environ['BACKEND'])
app.conf.task_routes = {'tests.*': {'queue': QUEUE}}
app.conf.result_expires = 600
# the producer declares its queue with a max priority, as the Java worker was configured to
app.conf.task_queues = [Queue(q, queue_arguments={'x-max-priority': 10}) for q in (QUEUE, QUEUE + '-b')]
TIMEOUT = 30


def outcome(result, timeout=TIMEOUT):
    start = time.time()
    try:
        value = {'state': 'SUCCESS', 'value': result.get(timeout=timeout)}
    except Exception as e:  # noqa: BLE001 - report whatever Celery raises
        value = {'state': result.state, 'type': type(e).__name__, 'message': str(e)}
    value['seconds'] = round(time.time() - start, 2)
    return value


def drain(queue, count, timeout=20):
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest'); conn.connect()
    ch, got, deadline = conn.channel(), [], time.time() + timeout
    ch.queue_declare(queue, durable=True, auto_delete=False)
    while len(got) < count and time.time() < deadline:
        m = ch.basic_get(queue, no_ack=True)
        if m is None:
            time.sleep(0.1)
            continue
        headers = m.properties.get('application_headers', {})
        body = m.body
        if headers.get('compression'):
            from kombu.compression import decompress
            body = decompress(body, headers['compression'])
        try:
            body = json.loads(body)
        except ValueError:
            body = repr(body)
        got.append({'task': headers.get('task'), 'group': headers.get('group'), 'parent_id': headers.get('parent_id'),
                    'compression': headers.get('compression'), 'priority': m.properties.get('priority'), 'body': body,
                    'reason': headers.get('x-hybridmatch-rejected-reason')})
    conn.close()
    return got


def delete_queues(*queues):
    """The queues only this client reads (the worker deletes its own)."""
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest'); conn.connect()
    for queue in queues:
        conn.channel().queue_delete(queue)
    conn.close()


def compression():
    return {method: outcome(app.send_task('tests.add', args=[2, 3], compression=method))
            for method in ('gzip', 'bzip2', 'lzma')}


def routing():
    parent = app.send_task('tests.add', args=[1, 2], priority=7,
                           link=[signature('other.notify', args=['x']), signature('djangoapp.tasks.notify')])
    local = app.send_task('tests.add', args=[1, 2], link=signature('tests.add', args=[10]))
    return {'parent': outcome(parent), 'routed': drain(QUEUE + '.other', 1), 'default': drain(QUEUE + '.default', 1),
            'local_callback': outcome(AsyncResult(local.get(timeout=TIMEOUT) and local.children[0].id, app=app)),
            'children': [[c.id for c in r.results] if hasattr(r, 'results') else r.id for r in parent.children]}


def stored_state(task_id, timeout=10):
    """The state the backend holds once it is no longer PENDING (a fresh AsyncResult: no parent, not ignored)."""
    result, deadline = AsyncResult(task_id, app=app), time.time() + timeout
    while result.state == 'PENDING' and time.time() < deadline:
        time.sleep(0.05)
    return {'state': result.state, 'type': type(result.result).__name__, 'message': str(result.result)}


def failing_chain():
    c = chain(signature('tests.fail', args=['step one broke']), signature('tests.add', args=[1]),
              signature('tests.add', args=[2])).apply_async()
    start = time.time()
    last = stored_state(c.id)
    last['seconds'] = round(time.time() - start, 2)
    return {'get': outcome(c, timeout=10), 'last': last, 'middle': stored_state(c.parent.id)}


def ignore_result():
    failed = app.send_task('tests.fail', args=['stored anyway'], ignore_result=True)
    ok = app.send_task('tests.add', args=[1, 1], ignore_result=True)
    failed_state = stored_state(failed.id)
    time.sleep(1)
    return {'failed': failed_state, 'ok_state': AsyncResult(ok.id, app=app).state}


def success_is_kept():
    task_id = 'rc-dup-%d' % os.getpid()
    app.backend.store_result(task_id, 42, 'SUCCESS')
    app.send_task('tests.fail', args=['duplicate'], task_id=task_id, link_error=signature('other.on_error'))
    errbacks = drain(QUEUE + '.other', 1)  # sent after the failure was handled
    return {'errback_seen': len(errbacks), 'state': AsyncResult(task_id, app=app).state,
            'value': AsyncResult(task_id, app=app).result}


def progress():
    """What a celery_progress view shows while a Java task runs, then once it is done."""
    result = app.send_task('tests.progress', args=[3])
    start = time.time()
    seen, deadline = [], start + TIMEOUT
    while time.time() < deadline:
        info = Progress(AsyncResult(result.id, app=app)).get_info()
        if not seen or info['state'] != seen[-1]['state']:
            info['seconds'] = round(time.time() - start, 2)  # when it was first seen: a failure tells where it stalled
            seen.append(info)
        if info.get('complete'):
            break
        time.sleep(0.05)
    # get_info reads the state twice: the poll that saw completion may still name PROGRESS, so ask once more
    final = Progress(AsyncResult(result.id, app=app)).get_info()
    final['seconds'] = round(time.time() - start, 2)
    if final['state'] != seen[-1]['state']:
        seen.append(final)
    return {'states': [s['state'] for s in seen], 'progress': [s['progress'] for s in seen if s['state'] == 'PROGRESS'],
            'seen': seen, 'final': final}


def meta():
    r = app.send_task('tests.add', args=[4], kwargs={'y': 5}, link=signature('tests.add', args=[1]))
    r.get(timeout=TIMEOUT)
    child = r.children[0]
    child.get(timeout=TIMEOUT)
    return {'name': r.name, 'args': r.args, 'kwargs': r.kwargs, 'worker': r.worker, 'queue': r.queue,
            'retries': r.retries, 'child_parent': child._get_task_meta().get('parent_id'), 'child_id': child.id}


def chords():
    ok = chord([signature('tests.add', args=[1, 1]), signature('tests.add', args=[2, 2]),
                signature('tests.add', args=[3, 3])], signature('tests.tsum')).apply_async()
    broken = chord([signature('tests.add', args=[1, 1]), signature('tests.fail', args=['part broke'])],
                   signature('tests.tsum')).apply_async()
    as_link = app.send_task('tests.add', args=[1, 2], link=chord(
        [signature('tests.add', args=[10]), signature('tests.add', args=[20])], signature('tests.tsum')))
    as_link.get(timeout=TIMEOUT)
    header = as_link.children[0]
    return {'ok': outcome(ok), 'broken': outcome(broken), 'broken_body': stored_state(broken.id),
            'link_header': outcome(header),
            'link_body': outcome(body_of(header))}


def body_of(header, timeout=TIMEOUT):
    """The chord body's result: the task whose parent is one of the header's tasks (result_extended meta)."""
    ids, client = {r.id for r in header.results}, app.backend.client
    deadline = time.time() + timeout
    while time.time() < deadline:
        for key in client.scan_iter('celery-task-meta-*'):
            meta = json.loads(client.get(key) or 'null') or {}
            if meta.get('parent_id') in ids and meta.get('name') == 'tests.tsum':
                return AsyncResult(meta['task_id'], app=app)
        time.sleep(0.2)
    raise TimeoutError('no chord body')


def groups():
    r = app.send_task('tests.add', args=[1, 2], link=group(signature('tests.add', args=[10]),
                                                          signature('tests.add', args=[20])))
    r.get(timeout=TIMEOUT)
    g = r.children[0]
    return {'group': outcome(g), 'members': len(g.results)}


def queues():
    second = QUEUE + '-b'
    good = app.send_task('tests.add', args=[20, 22], queue=second)
    with app.connection_for_write() as conn:
        conn.default_channel.basic_publish(amqp.Message(b'{not json', content_type='application/json',
                                                        application_headers={'task': 'tests.add', 'id': 'x'}),
                                           exchange='', routing_key=second)
    high = app.send_task('tests.add', args=[1, 1], priority=9)
    return {'second_queue': outcome(good), 'dead_letter': drain(second + '.dead-letter', 1),
            'priority': outcome(high)}


def run(name):
    try:
        return globals()[name]()
    except Exception:  # noqa: BLE001 - one broken scenario must not hide the others' observations
        import traceback
        return {'error': traceback.format_exc()}


observed = {name: run(name) for name in sys.argv[1:]}
delete_queues(QUEUE + '.other', QUEUE + '.default')
print(json.dumps(observed))

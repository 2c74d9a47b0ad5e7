"""Records what a real Celery 5.2.6 worker stores and publishes for canvas, callbacks, custom states, chords and
compressed messages (fixture canvas-samples.celery-5.2.6.json of celery-protocol's tests).

    /usr/bin/python3 record_canvas_samples.py > ../resources/canvas-samples.celery-5.2.6.json

Needs RabbitMQ and Redis on localhost; uses Redis DB 6 and queues rc-<random>; starts and stops its own worker.
"""
import json, os, subprocess, sys, time, uuid

import amqp, redis
from celery import chain, chord, group, signature



def text(x):
    return x.decode() if isinstance(x, (bytes, bytearray)) else x


def drain(queue):
    """Every message in the queue, as published: properties, headers, body (raw text, or hex when compressed)."""
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest'); conn.connect()
    ch, out = conn.channel(), []
    while (m := ch.basic_get(queue, no_ack=True)) is not None:
        props = dict(m.properties)
        headers = props.pop('application_headers', {}) or {}
        body = m.body if isinstance(m.body, bytes) else m.body.encode()
        entry = {'routing_key': text(m.delivery_info['routing_key']),
                 'properties': {k: text(v) for k, v in props.items()},
                 'headers': {k: text(v) for k, v in headers.items()}}
        if 'compression' in headers:
            entry['body_hex'] = body.hex()
        else:
            entry['body_raw'] = body.decode()
        out.append(entry)
    conn.close()
    return out


def delete_queue(queue):
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest'); conn.connect()
    conn.channel().queue_delete(queue)
    conn.close()

QUEUE = 'rc-' + uuid.uuid4().hex[:8]
BACKEND = 'redis://127.0.0.1:6379/6'
os.environ.update(QUEUE=QUEUE, BACKEND=BACKEND, EXTENDED='1', TRACK_STARTED='1')
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from canvas_app import app  # noqa: E402

R = redis.Redis(db=6)


def meta(task_id):
    raw = R.get('celery-task-meta-' + task_id)
    return None if raw is None else raw.decode()


def wait_meta(task_id, states=('SUCCESS', 'FAILURE', 'REVOKED'), timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        raw = meta(task_id)
        if raw and json.loads(raw)['status'] in states:
            return raw
        time.sleep(0.1)
    raise TimeoutError(task_id)


def declare(*queues):
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest'); conn.connect()
    for q in queues:
        conn.channel().queue_declare(q, durable=True, auto_delete=False)
    conn.close()


def compressed():
    """Client side: the same task sent with each compression kombu has here, and with result_compression."""
    out = {}
    q = QUEUE + '.compressed'
    declare(q)
    for method in ('gzip', 'zlib', 'bzip2', 'lzma'):
        app.send_task('rc.add', args=[2, 3], queue=q, compression=method)
        out[method] = drain(q)[0]
    delete_queue(q)
    return out


def worker():
    return subprocess.Popen([sys.executable, '-m', 'celery', '-A', 'canvas_app', 'worker', '-Q', QUEUE,
                             '-n', 'rc-py@test', '--pool', 'solo', '-l', 'WARNING', '--without-mingle',
                             '--without-gossip', '--without-heartbeat'], cwd=HERE, stdout=subprocess.DEVNULL,
                            stderr=sys.stderr)


def worker_side():
    out = {}
    other, default = QUEUE + '.other', QUEUE + '.default'
    declare(QUEUE, other, default)
    # single link to a task routed elsewhere, and to a task nobody routes (task_default_queue)
    r = app.send_task('rc.add', args=[1, 2], link=signature('other.notify', args=['x']), priority=7)
    out['link_routed'] = {'parent': wait_meta(r.id), 'published': drain(other)}
    r = app.send_task('rc.add', args=[1, 2], link=signature('unknown.notify'))
    out['link_default'] = {'parent': wait_meta(r.id), 'published': drain(default)}
    # two links: Celery sends them as one group
    r = app.send_task('rc.add', args=[1, 2], link=[signature('other.a'), signature('other.b', immutable=True)])
    out['two_links'] = {'parent': wait_meta(r.id), 'published': drain(other)}
    # a group as the link
    r = app.send_task('rc.add', args=[1, 2], link=group(signature('other.a'), signature('other.b')))
    out['group_link'] = {'parent': wait_meta(r.id), 'published': drain(other)}
    # errback published as a task
    r = app.send_task('rc.fail', args=['boom'], link_error=signature('other.on_error'))
    out['errback'] = {'parent': wait_meta(r.id), 'published': drain(other)}
    # chain: next step published by the worker, then a failing step marks the rest FAILURE
    c = chain(signature('rc.add', args=[1, 2]), signature('other.step', args=[10]),
              signature('other.last', immutable=True)).apply_async()
    first = c.parent.parent
    out['chain'] = {'first': wait_meta(first.id), 'published': drain(other)}
    c = chain(signature('rc.fail', args=['chain broke']), signature('rc.add', args=[1]),
              signature('rc.add', args=[2], link_error=signature('other.on_error'))).apply_async()
    out['chain_failure'] = {'first': wait_meta(c.parent.parent.id), 'second': wait_meta(c.parent.id),
                            'last': wait_meta(c.id), 'published': drain(other)}
    # a chain as the next step of a chain (nested), and a group as a chain step (becomes a chord)
    c = chain(signature('rc.add', args=[1, 2]), group(signature('other.a'), signature('other.b'))).apply_async()
    out['chain_to_group'] = {'first': wait_meta(c.parent.id), 'published': drain(other)}
    # custom state and STARTED
    r = app.send_task('rc.progress', args=[3])
    out['progress'] = {'final': wait_meta(r.id)}
    # ignore_result: failure still stored
    r = app.send_task('rc.fail', args=['quiet fail'], ignore_result=True)
    out['ignore_result_failure'] = {'meta': wait_meta(r.id)}
    # chord: header run here, body routed to a queue nobody reads
    c = chord([signature('rc.add', args=[1, 1]), signature('rc.add', args=[2, 2])],
              signature('other.body', args=['tail'])).apply_async()
    out['chord'] = {'body_id': c.id, 'published': drain_wait(other, 1),
                    'header_metas': [wait_meta(t.id) for t in c.parent.results]}
    c = chord([signature('rc.add', args=[1, 1]), signature('rc.fail', args=['chord part broke'])],
              signature('other.body', link_error=signature('other.on_error'))).apply_async()
    out['chord_failure'] = {'body_id': c.id, 'body': wait_meta(c.id), 'published': drain_wait(other, 1)}
    return out


def chord_client():
    """What the client publishes and stores for a chord, with no worker: header messages and the .s key."""
    q = QUEUE + '.chord'
    declare(q)
    c = chord([signature('rc.add', args=[1, 1], queue=q), signature('rc.add', args=[2, 2], queue=q)],
              signature('other.body', args=['tail'])).apply_async()
    gid = c.parent.id
    out = {'group_id': gid, 'body_id': c.id, 'header': drain(q),
           'keys': {k.decode(): R.get(k).decode() for k in R.keys('celery-taskset-meta-%s*' % gid)}}
    delete_queue(q)
    return out


def drain_wait(queue, count, timeout=20):
    got, deadline = [], time.time() + timeout
    while len(got) < count and time.time() < deadline:
        got += drain(queue)
        time.sleep(0.1)
    return got


samples = {'queue': QUEUE, 'compressed': compressed(), 'chord_client': chord_client()}
w = worker()
try:
    time.sleep(4)
    samples.update(worker_side())
finally:
    w.terminate()
    w.wait(20)
for q in (QUEUE, QUEUE + '.other', QUEUE + '.default'):
    delete_queue(q)
print(json.dumps(samples, indent=1, ensure_ascii=False))

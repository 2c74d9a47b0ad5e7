"""Records extra Celery 5.2.6 wire samples for celery-protocol's tests.

Run with Debian's interpreter against the local RabbitMQ and Redis:
    /usr/bin/python3 record_samples.py > ../resources/extra-samples.celery-5.2.6.json
Everything is produced by Celery's own code (send_task, canvas, result backends) and read back raw,
so the JSON files hold exactly the bytes Celery publishes / stores.
"""
import json, os, sys, datetime
import amqp, redis
from celery import Celery, signature, chain
from celery.app.task import Context

BROKER = 'amqp://guest:guest@127.0.0.1:5672//'
QUEUE = 'celery_protocol_capture_%d' % os.getpid()


def text(x):
    if isinstance(x, (bytes, bytearray)):
        return x.decode()
    if isinstance(x, (datetime.datetime, datetime.date)):
        return x.isoformat()
    return x


def drain(queue):
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest')
    conn.connect()
    ch = conn.channel()
    out = []
    while True:
        m = ch.basic_get(queue, no_ack=True)
        if m is None:
            break
        props = dict(m.properties)
        headers = props.pop('application_headers', {}) or {}
        out.append({'delivery_info': {k: text(v) for k, v in m.delivery_info.items() if k in ('exchange', 'routing_key')},
                    'properties': {k: text(v) for k, v in props.items()},
                    'headers': {k: (text(v) if not isinstance(v, (list, dict)) else v) for k, v in headers.items()},
                    'body_raw': m.body.decode() if isinstance(m.body, bytes) else m.body})
    conn.close()
    return out


def delete_queue(queue):
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest')
    conn.connect()
    conn.channel().queue_delete(queue)
    conn.close()


def task_messages():
    app = Celery('django_side', broker=BROKER, backend='rpc://')
    app.conf.task_default_queue = QUEUE
    samples = {}
    app.send_task('matching.index_candidate', args=[{'candidate_id': '42'}], kwargs={'source': 'post_save'},
                  countdown=30, expires=600)
    samples['v2_plain_raw'] = drain(QUEUE)
    chain(signature('matching.parse_cv', args=['cv-1']),
          signature('matching.embed'),
          signature('matching.notify', args=['done'], immutable=True)).apply_async()
    samples['v2_chain'] = drain(QUEUE)
    # Protocol 1 must be configured before the app builds its amqp helper: use a second app.
    v1_app = Celery('old_producer', broker=BROKER, backend='rpc://')
    v1_app.conf.task_protocol = 1
    v1_app.conf.task_default_queue = QUEUE
    v1_app.send_task('matching.index_job_offer', args=[{'job_offer_id': '7'}], kwargs={'force': True},
                  countdown=30, expires=600, link=signature('matching.notify', args=['ok']),
                  time_limit=60, soft_time_limit=50)
    samples['v1'] = drain(QUEUE)
    delete_queue(QUEUE)
    return samples


class Boom(Exception):
    pass


def results():
    from celery.exceptions import TaskRevokedError
    out = {}
    # rpc://: store_result publishes the reply to request.reply_to with correlation_id = task id.
    rpc_app = Celery('pyworker', broker=BROKER, backend='rpc://')
    reply_queue = QUEUE + '_reply'
    conn = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest'); conn.connect()
    conn.channel().queue_declare(reply_queue, auto_delete=False); conn.close()
    req = lambda tid: Context(id=tid, reply_to=reply_queue, correlation_id=tid, children=[])
    b = rpc_app.backend
    b.store_result('rpc-started', {'pid': 4242, 'hostname': 'celery@host'}, 'STARTED', request=req('rpc-started'))
    b.store_result('rpc-success', {'sum': 5}, 'SUCCESS', request=req('rpc-success'))
    b.store_result('rpc-failure', ValueError('bad profile'), 'FAILURE', traceback='Traceback ...', request=req('rpc-failure'))
    out['rpc_replies'] = drain(reply_queue)
    delete_queue(reply_queue)
    # redis://: the value of celery-task-meta-<id>, and its TTL.
    red_app = Celery('pyworker', broker=BROKER, backend='redis://127.0.0.1:6379/0')
    rb = red_app.backend
    rc = redis.Redis()
    ids = {'started': 'cp-started-%d' % os.getpid(), 'retry': 'cp-retry-%d' % os.getpid(),
           'revoked': 'cp-revoked-%d' % os.getpid(), 'failure_custom': 'cp-custom-%d' % os.getpid()}
    # app/trace.py stores STARTED through store_result with the request (so children is []).
    rb.store_result(ids['started'], {'pid': 4242, 'hostname': 'celery@host'}, 'STARTED', request=Context(id=ids['started'], children=[]))
    rb.mark_as_retry(ids['retry'], RuntimeError('es down'), traceback='Traceback ...', request=Context(id=ids['retry'], children=[]))
    rb.mark_as_revoked(ids['revoked'], reason='revoked', request=Context(id=ids['revoked'], children=[]))
    rb.mark_as_failure(ids['failure_custom'], Boom('x', 3), traceback='Traceback ...', request=Context(id=ids['failure_custom'], children=[]), call_errbacks=False)
    out['redis'] = {}
    for name, tid in ids.items():
        key = 'celery-task-meta-' + tid
        out['redis'][name] = {'key': key, 'ttl': rc.ttl(key), 'value_raw': rc.get(key).decode()}
        rc.delete(key)
    return out


samples = task_messages()
samples.update(results())
print(json.dumps(samples, indent=1, ensure_ascii=False))

"""Records Celery 5.2.6 task/worker events and remote-control (pidbox) messages for celery-protocol's tests.

Starts a real worker with events on (-E) from ../../../../../shared-style pyworker module given as argument dir,
runs a few tasks and control commands, stops the worker, and prints every raw message seen on the celeryev,
celery.pidbox and reply.celery.pidbox exchanges:
    /usr/bin/python3 record_events_and_control.py /work/shared/celery-wire > ../resources/events-control.celery-5.2.6.json
"""
import json, os, signal, subprocess, sys, time
import amqp
import kombu.pidbox
from celery import Celery

WORKER_DIR = sys.argv[1]
HOSTNAME = 'cpworker@vm'
SUFFIX = str(os.getpid())


def connect():
    c = amqp.Connection('127.0.0.1:5672', userid='guest', password='guest')
    c.connect()
    return c, c.channel()


def drain(ch, queue):
    out = []
    while True:
        m = ch.basic_get(queue, no_ack=True)
        if m is None:
            return out
        props = dict(m.properties)
        headers = props.pop('application_headers', {}) or {}
        out.append({'exchange': m.delivery_info['exchange'], 'routing_key': m.delivery_info['routing_key'],
                    'properties': props, 'headers': headers, 'body_raw': m.body.decode() if isinstance(m.body, bytes) else m.body})


# Every control call builds a new Mailbox with its own reply routing key (oid); pin it so one queue sees all replies.
REPLY_OID = 'cp-recorder-' + SUFFIX
kombu.pidbox.Mailbox.oid = property(lambda self: REPLY_OID)
control = Celery('client', broker='amqp://guest:guest@127.0.0.1:5672//', backend='rpc://')
conn, ch = connect()
ch.exchange_declare('celeryev', 'topic', durable=True, auto_delete=False)
ch.exchange_declare('celery.pidbox', 'fanout', durable=False, auto_delete=False)
ch.exchange_declare('reply.celery.pidbox', 'direct', durable=False, auto_delete=False)
queues = {'events': 'cp_events_' + SUFFIX, 'requests': 'cp_pidbox_' + SUFFIX, 'replies': 'cp_replies_' + SUFFIX}
for q in queues.values():
    ch.queue_declare(q, durable=False, auto_delete=False)
ch.queue_bind(queues['events'], 'celeryev', '#')
ch.queue_bind(queues['requests'], 'celery.pidbox', '')
ch.queue_bind(queues['replies'], 'reply.celery.pidbox', REPLY_OID)

worker = subprocess.Popen([sys.executable, '-m', 'celery', '-A', 'pyworker', 'worker', '-Q', 'pyq', '-E',
                           '-n', HOSTNAME, '--pool', 'solo', '-l', 'warning'], cwd=WORKER_DIR,
                          stdout=sys.stderr)
try:
    time.sleep(8)
    add = control.send_task('demo.add', args=[2, 3], queue='pyq')
    add.get(timeout=20)
    fail = control.send_task('demo.fail', queue='pyq')
    fail.get(timeout=20, propagate=False)
    retry = control.send_task('demo.retry', queue='pyq')
    retry.get(timeout=30, propagate=False)
    dest = [HOSTNAME]
    control.control.ping(destination=dest, timeout=3)
    inspect = control.control.inspect(destination=dest, timeout=3)
    inspect.registered()
    inspect.active()
    inspect.stats()
    control.control.revoke('00000000-0000-0000-0000-00000000dead', destination=dest, reply=True, timeout=3)
finally:
    worker.send_signal(signal.SIGTERM)
    worker.wait(timeout=30)
time.sleep(1)
samples = {name: drain(ch, q) for name, q in queues.items()}
for q in queues.values():
    ch.queue_delete(q)
conn.close()
print(json.dumps(samples, indent=1, ensure_ascii=False, default=str))
